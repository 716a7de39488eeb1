// Cheap date evidence for publish-time estimation: explicit calendar dates, weekday mentions, and the reporting and future cues around them.
import { dataLines } from '../../data-files.js';
import { dayNumber, validDay, type DayNumber } from './calendar.js';

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
export const WEEKDAYS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/** A calendar date written out in full (with its year), which no reference can move. */
export interface ExplicitDate {
  start: number;
  end: number;
  text: string;
  day: DayNumber;
}

/** A month and day without a year ("Jan. 20"), resolved later against a year. */
export interface MonthDay {
  start: number;
  end: number;
  text: string;
  month: number;
  day: number;
}

/** A bare weekday ("on Friday", "Thursday night"); `modified` when last/next/this changes its meaning. */
export interface WeekdayMention {
  start: number;
  end: number;
  text: string;
  weekday: number;
  modified: boolean;
}

// Case-insensitive month names are safe here because a day and a year must follow ("MAY 2, 2013" on US pages).
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'gi');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
// Numeric dates, also the spaced form of tokenised pages ("05 / 02 / 2013"); month first unless the first number is over 12.
const NUMERIC = /(?<![\d/])(\d{1,2})\s?\/\s?(\d{1,2})\s?\/\s?(\d{4}|\d{2})(?![\d/])/g;
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*,?\\s*\\d{4})(?![\\d:])`, 'g');
const WEEKDAY_MENTION = new RegExp(`\\b(?:(last|next|this|coming|past|every|each)\\s+)?${WEEKDAY}(s)?\\b`, 'g');

const monthOf = (word: string): number => MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;

/** Calendar dates with a year, in text order, without overlaps. */
export function explicitDates(text: string): ExplicitDate[] {
  const found: ExplicitDate[] = [];
  const add = (start: number, raw: string, year: number, month: number, day: number): void => {
    if (year < 1800 || year > 2200 || !validDay(year, month, day)) return;
    const end = start + raw.length;
    if (found.some((f) => f.start < end && start < f.end)) return;
    found.push({ start, end, text: raw, day: dayNumber(year, month, day) });
  };
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    // "May" stays a verb in lower case ("may 2, 2013" is too rare to risk it).
    if (/^(may|mar)$/.test(m[1]!)) continue;
    add(m.index, m[0], Number(m[3]), monthOf(m[1]!), Number(m[2]));
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) if (!/^(may|mar)$/.test(m[2]!)) add(m.index, m[0], Number(m[3]), monthOf(m[2]!), Number(m[1]));
  for (const m of text.matchAll(ISO)) add(m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(NUMERIC)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) - (Number(m[3]) > 50 ? 100 : 0) : Number(m[3]);
    if (a > 12) add(m.index, m[0], year, b, a);
    else add(m.index, m[0], year, a, b);
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Months with a day but no year ("Jan. 20", "May 2"), outside the explicit dates given. */
export function monthDays(text: string, explicit: ExplicitDate[]): MonthDay[] {
  const found: MonthDay[] = [];
  for (const m of text.matchAll(MONTH_DAY)) {
    const end = m.index + m[0].length;
    if (explicit.some((e) => e.start < end && m.index < e.end)) continue;
    const month = monthOf(m[1]!);
    const day = Number(m[2]);
    if (!month || day < 1 || day > 31) continue;
    found.push({ start: m.index, end, text: m[0], month, day });
  }
  return found;
}

/** Weekday names in text order ("Fridays" and "every Friday" are left out: they repeat). */
export function weekdayMentions(text: string): WeekdayMention[] {
  const found: WeekdayMention[] = [];
  for (const m of text.matchAll(WEEKDAY_MENTION)) {
    const modifier = m[1]?.toLowerCase();
    if (m[3] || modifier === 'every' || modifier === 'each') continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], weekday: WEEKDAYS[m[2]!.toLowerCase()]!, modified: modifier !== undefined });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Cues around a date

/** Words before a date that make it a plan, not something that happened. */
const FUTURE = /\b(will|won't|'ll|shall|would|is to|are to|was to|going to|scheduled|due|set to|plans? to|planned|expected|expects|upcoming|until|till|ahead of)\b[^.;]*$/i;

/** True when the words just before `start` (within its sentence) look ahead. */
export function looksAhead(sentenceBefore: string): boolean {
  return FUTURE.test(sentenceBefore.slice(-60));
}

let mediaNames: RegExp | undefined;
/** News organisations and media nouns (data/report-sources.txt and the agency names of data/agencies.txt). */
function media(): RegExp {
  if (mediaNames) return mediaNames;
  const words = [
    ...dataLines('report-sources.txt'),
    ...dataLines('agencies.txt').flatMap((line) => line.split('|')).filter((name) => name.length >= 3 || /^[A-Z]+$/.test(name)),
  ];
  const escaped = words.map((w) => w.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).filter(Boolean).sort((a, b) => b.length - a.length);
  mediaNames = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'i');
  return mediaNames;
}

const REPORT_VERB = /\b(?:said|says|reported|reports|reporting|announced|quoted|quoting|confirmed|stated|according to)\b/i;

/** True when a sentence relays a report (a news organisation said or reported it). */
export function relaysReport(sentence: string): boolean {
  return /\breport(?:ed|s|ing)\b|\baccording to\b/i.test(sentence) || (REPORT_VERB.test(sentence) && media().test(sentence));
}

/**
 * True when the date at [start, end) of `sentence` dates the report rather than the event: "KCNA said Friday",
 * "state media reported on Friday", "the agency on Friday reported". A newsmaker's own "said Friday" is the event.
 */
export function datesTheReport(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 80), start);
  const after = sentence.slice(end, end + 40);
  const verbBefore = /\b(said|says|reported|reports|announced|quoted [\p{L} ]{1,30}?as saying|told [\p{L}’' ]{1,30}?)\s*(?:on\s+|late\s+|early\s+)?$/iu.exec(before);
  const verbAfter = /^\s*(?:,\s*)?(?:that\s+)?(said|reported|announced)\b/i.exec(after);
  const verb = verbBefore?.[1] ?? verbAfter?.[1];
  if (!verb) return false;
  if (/^report/i.test(verb)) return true;
  // The subject of "said": the words just before the verb (or before the date when the verb follows it).
  const subjectZone = verbBefore ? before.slice(0, verbBefore.index).slice(-50) : before.slice(-50);
  return media().test(subjectZone);
}
