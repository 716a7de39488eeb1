// Publish-day estimates for articles whose page gives no publish time: from dates and weekdays in the text, and the story's other publish times.
import { splitSentences, type SentenceSpan } from '../../text/sentences.js';
import { dayNumber, dayOfIso, isoDay, weekdayOf, type DayNumber } from './calendar.js';
import { explicitDates, looksAhead, monthDays, relaysReport, weekdayMentions, type ExplicitDate } from './date-evidence.js';
import { dayPhrases } from './phases.js';

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
  const text = article.text.length > MAX_SCANNED ? article.text.slice(0, MAX_SCANNED) : article.text;
  const contextDays = context.map(dayOfIso).filter((d): d is DayNumber => d !== undefined).sort((a, b) => a - b);

  const header = headerDates(text);
  if (header.length) {
    const days = header.map((h) => h.day);
    const [lo, hi] = [Math.min(...days), Math.max(...days)];
    return { earliest: isoDay(lo), latest: isoDay(hi), likely: isoDay(lo), basis: `the date line ${header.map((h) => quoted(h.text)).join(' and ')} at the top of the text` };
  }

  const sentences = options.sentences ?? splitSentences(text);
  const sentenceAt = sentenceFinder(text, sentences);
  const lower: { day: DayNumber; text: string }[] = [];

  const explicit = explicitDates(text);
  for (const date of explicit) {
    if (looksAhead(sentenceAt(date.start).before)) continue;
    lower.push({ day: date.day, text: date.text });
  }
  // Year-less dates need a year: the latest explicit date's, else the story's.
  const anchor = lower.length ? Math.max(...lower.map((l) => l.day)) : contextDays.length ? contextDays[contextDays.length >> 1] : undefined;
  if (anchor !== undefined) {
    for (const md of monthDays(text, explicit)) {
      if (looksAhead(sentenceAt(md.start).before)) continue;
      const day = nearestPastYear(md.month, md.day, anchor);
      if (day !== undefined) lower.push({ day, text: md.text });
    }
  }
  const dayOne = dayOfIso(options.dayOne);
  if (dayOne !== undefined) {
    for (const phrase of dayPhrases(text)) {
      if (!looksAhead(sentenceAt(phrase.start).before)) lower.push({ day: dayOne + phrase.ordinal - 1, text: phrase.text });
    }
  }

  const weekdays = weekdayMentions(text)
    .filter((w) => !w.modified && !looksAhead(sentenceAt(w.start).before))
    .map((w) => ({ ...w, report: relaysReport(sentenceAt(w.start).text) }));
  const floor = lower.length ? lower.reduce((a, b) => (b.day > a.day ? b : a)) : undefined;

  if (weekdays.length && (floor || contextDays.length)) {
    // Try each candidate day; the weekdays must all fall in the week before it. Cost: the oldest weekday's age,
    // plus half a day per day away from the latest text date (or from the nearest publish time of the story).
    const from = floor ? floor.day : contextDays[0]! - WINDOW;
    const to = floor ? floor.day + 13 : contextDays[contextDays.length - 1]! + WINDOW;
    let best: { day: DayNumber; cost: number } | undefined;
    for (let day = from; day <= to; day++) {
      const age = Math.max(...weekdays.map((w) => (weekdayOf(day) - w.weekday + 7) % 7));
      const distance = floor ? day - floor.day : Math.min(...contextDays.map((c) => Math.abs(c - day)));
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

/** The month-day on or before `anchor` (plus a day's slack), in the anchor's year or the one before. */
function nearestPastYear(month: number, day: number, anchor: DayNumber): DayNumber | undefined {
  const { year } = { year: Number(isoDay(anchor).slice(0, 4)) };
  for (const y of [year, year - 1]) {
    if (day > 28 && isoDay(dayNumber(y, month, day)).slice(5, 7) !== String(month).padStart(2, '0')) continue;
    const candidate = dayNumber(y, month, day);
    if (candidate <= anchor + 1) return candidate;
  }
  return undefined;
}

const dedupe = (items: string[]): string[] => [...new Set(items)];
