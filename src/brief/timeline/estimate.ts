// Publish-day estimates for articles whose page gives no publish time: from dates and weekdays in the text, and the story's other publish times.
import { splitSentences, type SentenceSpan } from '../../text/sentences.js';
import { dayNumber, dayOfIso, isoDay, weekdayOf, type DayNumber } from './calendar.js';
import { explicitDates, looksAhead, monthDays, relaysReport, weekdayMentions, type ExplicitDate, type MonthDay, type WeekdayMention } from './date-evidence.js';
import { dayPhrases, type DayPhrase } from './phases.js';

export interface TimelineArticle {
  key: string;
  text: string;
  title?: string;
  /** ISO 8601 as stored. */
  published?: string;
}

export interface PublishEstimate {
  /** ISO days YYYY-MM-DD. */
  earliest: string;
  latest: string;
  /** A human sentence saying why. */
  basis: string;
  /** The single most likely day (the day of the freshest evidence). */
  likely?: string;
}

export interface EstimateOptions {
  /** Day 1 (YYYY-MM-DD) of the story's multi-day event, so that "on the third day" dates the text. */
  dayOne?: string;
  /** Sentence spans of the text, when the caller has them already. */
  sentences?: SentenceSpan[];
  /** The context as day numbers, when the caller has parsed it already (then `context` is not read). */
  contextDays?: DayNumber[];
  /** The text's evidence from `evidenceOf`, when the caller estimates one text against several contexts. */
  evidence?: TextEvidence;
}

/** Only the head of a huge text is read for evidence: dates of the news sit near the top. */
const MAX_SCANNED = 60_000;
/** A line this short at the top that holds a full date is a date line ("May 03, 2013", "PUBLISHED: ..."). */
const HEADER_LINE = 90;
/** Evidence is weighed this many days either side of the story's publish times (or the latest text date). */
const WINDOW = 10;

const quoted = (text: string): string => `“${text.replace(/\s+/g, ' ').trim()}”`;

/** Estimated publish day range of an article with no publish time; `context`: publish times of the story's other articles. */
export function estimatePublished(article: TimelineArticle, context: string[] = [], options: EstimateOptions = {}): PublishEstimate | undefined {
  const stated = dayOfIso(article.published);
  if (stated !== undefined) return { earliest: isoDay(stated), latest: isoDay(stated), likely: isoDay(stated), basis: 'the publish time the page states' };
  const text = article.text ?? '';
  // Distinct days only: a story of 500 articles has publish times on a handful of days.
  const contextDays = [...new Set(options.contextDays ?? context.map(dayOfIso).filter((d): d is DayNumber => d !== undefined))].sort((a, b) => a - b);

  const evidence = options.evidence ?? evidenceOf(text, options.sentences);
  const { header } = evidence;
  if (header.length) {
    const days = header.map((h) => h.day);
    const [lo, hi] = [Math.min(...days), Math.max(...days)];
    return { earliest: isoDay(lo), latest: isoDay(hi), likely: isoDay(lo), basis: `the date line ${header.map((h) => quoted(h.text)).join(' and ')} at the top of the text` };
  }
  const lower: { day: DayNumber; text: string }[] = [...evidence.explicit];
  // Year-less dates need a year: the latest explicit date's, else the story's.
  const anchor = lower.length ? Math.max(...lower.map((l) => l.day)) : contextDays.length ? contextDays[contextDays.length >> 1] : undefined;
  if (anchor !== undefined) {
    for (const md of evidence.monthDays) {
      const day = nearestPastYear(md.month, md.day, anchor);
      if (day !== undefined) lower.push({ day, text: md.text });
    }
  }
  const dayOne = dayOfIso(options.dayOne);
  if (dayOne !== undefined) for (const phrase of evidence.phrases) lower.push({ day: dayOne + phrase.ordinal - 1, text: phrase.text });
  const { weekdays } = evidence;
  const floor = lower.length ? lower.reduce((a, b) => (b.day > a.day ? b : a)) : undefined;

  if (weekdays.length && (floor || contextDays.length)) {
    // Try each candidate day; the weekdays must all fall in the week before it. Cost: the oldest weekday's age,
    // plus half a day per day away from the latest text date (or from the nearest publish time of the story).
    const weekdaySet = [...new Set(weekdays.map((w) => w.weekday))];
    // A date in the text only bounds the publish day from below; the story's other publish days, when known, say where.
    const near = nearestDays(floor ? contextDays.filter((c) => c >= floor.day - WINDOW) : contextDays, MAX_CONTEXT_DAYS);
    const pool = near.length ? near.flatMap((c) => range(c - WINDOW, c + WINDOW)) : range(floor!.day, floor!.day + 13);
    const candidates = [...new Set(pool.filter((day) => !floor || day >= floor.day))].sort((a, b) => a - b);
    let best: { day: DayNumber; cost: number } | undefined;
    for (const day of candidates) {
      let age = 0;
      for (const w of weekdaySet) age = Math.max(age, (weekdayOf(day) - w + 7) % 7);
      const distance = near.length ? distanceTo(near, day) : day - floor!.day;
      const cost = age + distance / 2;
      if (!best || cost < best.cost) best = { day, cost };
    }
    const day = best!.day;
    const freshest = weekdays.filter((w) => w.weekday === weekdayOf(day));
    // "KCNA said Friday": a relayed report is news of that day; an event ("vowed Wednesday") may be written up the next.
    const sameDay = freshest.some((w) => w.report);
    const because = [floor ? quoted(floor.text) : undefined, ...dedupe(freshest.map((w) => quoted(w.text)))].filter(Boolean).join(' and ');
    const anchorNote = floor ? '' : `, the ${freshest[0]?.text.replace(/^.*\b(\w+day)\b.*$/i, '$1') ?? 'day'} nearest the story's other publish times`;
    return {
      earliest: isoDay(day),
      latest: isoDay(day + (sameDay ? 0 : 1)),
      likely: isoDay(day),
      basis: `estimated from ${because}${anchorNote}: ${sameDay ? 'a report relayed the same day' : 'reported that day or the next'}`,
    };
  }
  if (floor) {
    return {
      earliest: isoDay(floor.day),
      latest: isoDay(floor.day + 7),
      likely: isoDay(floor.day),
      basis: `on or after ${quoted(floor.text)}, the latest date its text names (assumed within a week)`,
    };
  }
  return undefined;
}

/** What a text says about its own time, whatever the story around it: read once, weighed against each context. */
export interface TextEvidence {
  header: ExplicitDate[];
  /** Full dates that tell of the past (not plans). */
  explicit: { day: DayNumber; text: string }[];
  monthDays: MonthDay[];
  phrases: DayPhrase[];
  weekdays: (WeekdayMention & { report: boolean })[];
}

/** The date evidence of a text (its head, up to MAX_SCANNED characters). */
export function evidenceOf(fullText: string, spans?: SentenceSpan[]): TextEvidence {
  const text = fullText.length > MAX_SCANNED ? fullText.slice(0, MAX_SCANNED) : fullText;
  const header = headerDates(text);
  if (header.length) return { header, explicit: [], monthDays: [], phrases: [], weekdays: [] };
  const sentences = spans ?? splitSentences(text);
  const sentenceAt = sentenceFinder(text, sentences);
  const past = <T extends { start: number }>(items: T[]): T[] => items.filter((item) => !looksAhead(sentenceAt(item.start).before));
  const explicitAll = explicitDates(text);
  return {
    header,
    explicit: past(explicitAll).map((d) => ({ day: d.day, text: d.text })),
    monthDays: past(monthDays(text, explicitAll)),
    phrases: past(dayPhrases(text)),
    weekdays: past(weekdayMentions(text).filter((w) => !w.modified)).map((w) => ({ ...w, report: relaysReport(sentenceAt(w.start).text) })),
  };
}

/** Full dates on short lines at the top of the text (a page's date line), or after a "Published"/"Updated" label. */
export function headerDates(text: string): ExplicitDate[] {
  const found: ExplicitDate[] = [];
  let offset = 0;
  let seen = 0;
  for (const line of text.slice(0, 2000).split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    if (++seen > 4) break;
    const dates = explicitDates(line);
    if (!dates.length) continue;
    const labelled = /\b(published|updated|posted|date|created|modified)\b/i.test(line);
    const rest = dates.reduce((s, d) => s.replace(d.text, ' '), line).replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\b/gi, ' ');
    const words = rest.match(/\p{L}{2,}/gu)?.length ?? 0;
    if (labelled || (line.length <= HEADER_LINE && words <= 4)) found.push(...dates.map((d) => ({ ...d, start: d.start + start, end: d.end + start })));
  }
  return found;
}

/** The sentence holding an offset, and its text up to that offset (for cue words). */
function sentenceFinder(text: string, sentences: SentenceSpan[]): (at: number) => { text: string; before: string } {
  return (at) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return { text: text.slice(s.start, s.end), before: text.slice(s.start, at) };
    }
    return { text: '', before: '' };
  };
}

/** The year that puts a month-day nearest `anchor`, a day after it counting double (news tells of the past). */
function nearestPastYear(month: number, day: number, anchor: DayNumber): DayNumber | undefined {
  const year = Number(isoDay(anchor).slice(0, 4));
  let best: { day: DayNumber; cost: number } | undefined;
  for (const y of [year - 1, year, year + 1]) {
    const candidate = dayNumber(y, month, day);
    // "February 30" rolls over into March: no such day.
    if (isoDay(candidate).slice(5, 7) !== String(month).padStart(2, '0')) continue;
    const cost = candidate > anchor + 1 ? 2 * (candidate - anchor) : anchor - candidate;
    if (!best || cost < best.cost) best = { day: candidate, cost };
  }
  return best?.day;
}

const dedupe = (items: string[]): string[] => [...new Set(items)];

/** At most this many of the story's publish days (those nearest its middle) are tried as weeks of publication. */
const MAX_CONTEXT_DAYS = 24;

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** The `limit` days of a sorted list nearest its median, sorted. */
function nearestDays(days: DayNumber[], limit: number): DayNumber[] {
  if (days.length <= limit) return days;
  const middle = days[days.length >> 1]!;
  return [...days].sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b).slice(0, limit).sort((a, b) => a - b);
}

/** Distance from `day` to the nearest of sorted `days`. */
function distanceTo(days: DayNumber[], day: DayNumber): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  let best = Math.abs(days[lo]! - day);
  if (lo > 0) best = Math.min(best, Math.abs(days[lo - 1]! - day));
  return best;
}
