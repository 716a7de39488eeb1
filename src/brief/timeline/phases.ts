// Phases of a multi-day event: ordinal day phrases ("third day", "day two", "opening-day"), and day 1 voted across a story.
import type { DayNumber } from './calendar.js';

/** "the third day of the congress" in a text: which day of the event it names, and where. */
export interface DayPhrase {
  start: number;
  end: number;
  text: string;
  /** 1 for the first (opening) day. */
  ordinal: number;
}

const ORDINALS: Record<string, number> = {
  first: 1, opening: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
};
const CARDINALS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const ORDINAL = '(first|opening|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)';
/** "its third day", "the second day of the meeting", "for the third consecutive day", "opening-day speech", "second-day session". */
const ORDINAL_DAY = new RegExp(`\\b(?:(?:the|its|a|his|her|their|this|that)\\s+)?${ORDINAL}(?:\\s+(?:consecutive|straight|successive|full))?[\\s-]+day\\b`, 'gi');
/** "day two", "Day 3" (not "day 1 of 2021" style counts of something else). */
const DAY_NUMBER = /\bday\s+(one|two|three|four|five|six|seven|eight|nine|ten|[1-9]|10)\b(?!\s*(?:%|percent|,\d))/gi;
/** Phrases whose "first day" belongs to a calendar or a career, not to an event of the story. */
const NOT_A_PHASE = /^\s*(?:of\s+(?:the\s+)?(?:year|month|week|spring|summer|autumn|fall|winter|school|term|semester|trading|January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b|in\s+(?:office|the job|his job|her job|power)|on\s+the\s+job|at\s+work|back)/i;

/** Ordinal day phrases of a text, in order. */
export function dayPhrases(text: string): DayPhrase[] {
  const found: DayPhrase[] = [];
  for (const m of text.matchAll(ORDINAL_DAY)) {
    const end = m.index + m[0].length;
    if (NOT_A_PHASE.test(text.slice(end, end + 24))) continue;
    const start = m.index + m[0].toLowerCase().indexOf(m[1]!.toLowerCase());
    found.push({ start, end, text: text.slice(start, end), ordinal: ORDINALS[m[1]!.toLowerCase()]! });
  }
  for (const m of text.matchAll(DAY_NUMBER)) {
    const end = m.index + m[0].length;
    if (found.some((f) => f.start < end && m.index < f.end)) continue;
    const word = m[1]!.toLowerCase();
    found.push({ start: m.index, end, text: m[0], ordinal: CARDINALS[word] ?? Number(word) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** One piece of evidence for day 1: a phrase and a calendar day the same sentence gives for it. */
export interface DayOneVote {
  article: string;
  dayOne: DayNumber;
  /** The vote rests on an estimated publish time. */
  estimated: boolean;
}

/** Day 1 of the story's multi-day event: the day most articles imply (ties: the earliest), or undefined. */
export function electDayOne(votes: DayOneVote[]): { day: DayNumber; support: number; estimated: boolean } | undefined {
  const byDay = new Map<DayNumber, { articles: Set<string>; estimated: boolean }>();
  for (const vote of votes) {
    const entry = byDay.get(vote.dayOne) ?? { articles: new Set<string>(), estimated: true };
    entry.articles.add(vote.article);
    entry.estimated &&= vote.estimated;
    byDay.set(vote.dayOne, entry);
  }
  let best: { day: DayNumber; support: number; estimated: boolean } | undefined;
  for (const [day, { articles, estimated }] of byDay) {
    if (!best || articles.size > best.support || (articles.size === best.support && day < best.day)) best = { day, support: articles.size, estimated };
  }
  return best;
}
