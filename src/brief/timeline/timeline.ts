// The story's timeline: dated sentences become events, resolved against their article's (stated or estimated) publish day, merged across outlets by day and wording.
import { splitSentences, type SentenceSpan } from '../../text/sentences.js';
import { findTimeExpressions, type TimeExpression } from '../../text/timex.js';
import { memoisedInRun } from '../../text/turn-memo.js';
import { dayNumber as dayNumberOf, dayOfIso, isoDay, rangeOfValue, type DayNumber } from './calendar.js';
import { datesTheReport, explicitDates, looksAhead, relaysReport } from './date-evidence.js';
import { estimatePublished, evidenceOf, headerDates, type PublishEstimate, type TextEvidence, type TimelineArticle } from './estimate.js';
import { eventClause, eventWords, wordCount, type RemovedSpan } from './event-text.js';
import { dayPhrases, electDayOne, type DayOneVote, type DayPhrase } from './phases.js';

export { estimatePublished } from './estimate.js';
export type { EstimateOptions, PublishEstimate, TimelineArticle } from './estimate.js';

export interface TimelineSource {
  /** The article's key. */
  article: string;
  /** The sentence's span in the article text. */
  start: number;
  end: number;
  /** The sentence (cut after SOURCE_TEXT_MAX characters; the span stays exact). */
  text: string;
  /** The time expression (or day phrase) that dates it. */
  dateText: string;
  /** The time expression's span in the article text. */
  dateStart?: number;
  dateEnd?: number;
  /** The day the article was published (stated) or is estimated to be published (its latest estimated day). */
  published?: string;
  /** The publish day is estimated, not stated. */
  publishedEstimated?: boolean;
  /** The date was derived from a day phrase ("on the second day") and the story's day 1. */
  derived?: boolean;
}

export interface TimelineEntry {
  /** TimeML value: '2021-01-06', or coarser '2021-01', '2019'. */
  date: string;
  /** 'day 2' for phases of a multi-day event. */
  label: string | null;
  /** Representative event wording. */
  text: string;
  sources: TimelineSource[];
  /** Well before the story's own span (context). */
  background: boolean;
  /** Resolved against an estimated publish time. */
  estimated: boolean;
  /** 'report' when the date is the day a news organisation reported something ("KCNA said Friday"), not the day it happened. */
  kind?: 'event' | 'report';
  /** The date lies after the publish day of every source: a plan or an expectation ("is to take office on Jan. 20"). */
  expected?: boolean;
}

/** The timeline with what it rests on. */
export interface StoryTimeline {
  entries: TimelineEntry[];
  /** Per article key: the day its relative dates were resolved against, and the estimate when the page gave none. */
  references: Record<string, { day: string; estimate?: PublishEstimate }>;
  /** Day 1 of the story's multi-day event, when day phrases and dates allow deriving it. */
  dayOne?: string;
  /** Problems that left something out (an article whose time expressions could not be read). */
  notes: string[];
}

/** A source's sentence text is cut after this many characters (its offsets stay exact). */
const SOURCE_TEXT_MAX = 1000;
/** A date ending more than this many days before the story's earliest day is background. */
const BACKGROUND_DAYS = 30;
/** Events on one day merge when their wordings share this much (idf-weighted overlap of content words). */
const SAME_EVENT = 0.22;
/** An event of a phase day joins the phase on this much likeness. */
const PHASE_JOIN = 0.12;
/** A second wording joins an entry's text when it shares less than this with the first. */
const OTHER_WORDING = 0.3;
/** A day phrase counts for day 1 only within this many days of its article's publish day. */
const PHASE_REACH = 45;
/** At most this many members of a cluster are compared with a newcomer (keeps a huge day linear). */
const COMPARED = 24;
/** Words of page date lines, which do not make an event. */
const JUNK_WORDS = /\b(?:published|updated|posted|first|last|modified|am|pm|a\.\s?m|p\.\s?m|edt|est|pdt|pst|cdt|cst|gmt|utc|bst|cet|et|pt|at|on|by|mon|tue|wed|thu|fri|sat|sun)\b/gi;
/** Past-tense words just before a date: the sentence tells what happened. */
const PAST_TENSE = /\b(?:\p{L}+ed|was|were|had|did|went|came|met|left|took|made|began|got|fled|shot|died|told|said|saw|held|won|lost)\b/iu;
/** A newcomer joins a cluster when one of its first this many members is alike (single link over a sample). */
const JOIN_COMPARED = 6;
/** A newcomer is compared with at most this many clusters of its day: those sharing the most words with it. */
const CLUSTERS_TRIED = 8;
/** Prepositions that make a date the edge of a span, not the day something happened ("since 2016", "until June"). */
const SPAN_EDGE = /\b(?:since|until|till|by|through|throughout|before|ahead of|starting|from)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$/i;

interface Reference {
  day: DayNumber;
  estimated: boolean;
  estimate?: PublishEstimate;
}

/** One dated sentence of one article. */
interface Candidate {
  article: number;
  sentence: SentenceSpan;
  sentenceIndex: number;
  dateStart: number;
  dateEnd: number;
  dateText: string;
  /** Normalised TimeML value (day values without their clock time). */
  value: string;
  first: DayNumber;
  last: DayNumber;
  precision: string;
  kind: 'event' | 'report';
  expected: boolean;
  /** Resolved against an estimated publish day (the expression names no year itself). */
  estimated: boolean;
  derived: boolean;
  /** The day phrase that places it in the story's multi-day event. */
  phase?: number;
  words: string[];
  clause: string;
  attribution?: string;
}

/** Builds the story's timeline; articles without a publish time get one from `estimatePublished`. */
export function buildTimeline(articles: TimelineArticle[]): TimelineEntry[] {
  return timelineOf(articles).entries;
}

/** The timeline, the publish days it was resolved against, and the multi-day event's day 1. */
/**
 * Time expressions kept from an earlier build: an article's expressions depend only on its text and
 * the day they are resolved against, so a caller that stores them (the brief keeps them with each
 * article's analysis) need not find them again.
 */
export interface TimexMemo {
  /** Expressions found before for the article at `index` against `reference` (YYYY-MM-DD), if any. */
  get(index: number, reference: string): TimeExpression[] | undefined;
  /** Expressions just found for the article at `index` against `reference`. */
  set(index: number, reference: string, expressions: TimeExpression[]): void;
}

export function timelineOf(articles: TimelineArticle[], memo?: TimexMemo): StoryTimeline {
  const sentences = articles.map((a) => splitSentences(a.text ?? ''));
  const references = resolveReferences(articles, sentences);

  // Time expressions: one pass per article, against its reference day.
  const candidates: Candidate[] = [];
  const phrasesBySentence = new Map<string, DayPhrase[]>();
  const votes: DayOneVote[] = [];
  const notes: string[] = [];
  articles.forEach((article, index) => {
    const reference = references[index];
    if (!reference || !article.text) return;
    const text = article.text;
    const expressions = timeExpressions(text, isoDay(reference.day), (problem) => notes.push(`article ${article.key}: ${problem}`), memo && { index, memo });
    const spans = sentences[index]!;
    // The page's own date line ("PUBLISHED: MAY 2, 2013, 1: 32 PM") is the publish time, not an event.
    const dateLines = headerDates(text);
    let pointer = 0;
    const bySentence = new Map<number, Candidate[]>();
    for (const expression of expressions) {
      while (pointer < spans.length && spans[pointer]!.end <= expression.start) pointer++;
      const sentence = spans[pointer];
      if (!sentence || expression.start < sentence.start) continue;
      if (dateLines.some((d) => d.start < sentence.end && sentence.start < d.end)) continue;
      const candidate = candidateOf(index, text, sentence, pointer, expression, reference);
      if (!candidate) continue;
      candidates.push(candidate);
      const list = bySentence.get(pointer);
      if (list) list.push(candidate);
      else bySentence.set(pointer, [candidate]);
    }
    // Day phrases (one pass over the text), and day 1 from a phrase with a day-level event date in the same sentence.
    const grouped = new Map<number, DayPhrase[]>();
    let at = 0;
    for (const phrase of dayPhrases(text)) {
      while (at < spans.length && spans[at]!.end <= phrase.start) at++;
      if (at >= spans.length || phrase.start < spans[at]!.start) continue;
      const list = grouped.get(at);
      if (list) list.push(phrase);
      else grouped.set(at, [phrase]);
    }
    for (const [sentenceIndex, phrases] of grouped) {
      phrasesBySentence.set(`${index}:${sentenceIndex}`, phrases);
      const dated = (bySentence.get(sentenceIndex) ?? []).filter((c) => c.precision === 'day' && c.kind === 'event' && !c.expected);
      for (const phrase of phrases) {
        const nearest = nearestTo(dated, phrase.start);
        if (!nearest) continue;
        if (Math.abs(nearest.first - reference.day) > PHASE_REACH) continue;
        nearest.phase = phrase.ordinal;
        votes.push({ article: article.key, dayOne: nearest.first - (phrase.ordinal - 1), estimated: nearest.estimated });
      }
    }
  });

  const elected = electDayOne(votes);
  let lastPhase = 0;
  const inSentence = sentenceIndex(candidates);
  if (elected) {
    for (const [where, phrases] of phrasesBySentence) {
      const [index, sentenceIndex] = where.split(':').map(Number) as [number, number];
      const reference = references[index]!;
      if (Math.abs(elected.day - reference.day) > PHASE_REACH) continue;
      const sentence = sentences[index]![sentenceIndex]!;
      const dated = (inSentence.get(`${index}:${sentenceIndex}`) ?? []).filter((c) => c.kind === 'event' && c.precision === 'day');
      for (const phrase of phrases) {
        lastPhase = Math.max(lastPhase, phrase.ordinal);
        if (dated.length) continue;
        const day = elected.day + phrase.ordinal - 1;
        if (day > reference.day + 1) continue;
        candidates.push(derivedCandidate(index, articles[index]!.text, sentence, sentenceIndex, phrase, day, elected.estimated));
      }
    }
    reinterpretReportDays(candidates, articles);
  }

  const storyStart = Math.min(...references.filter((r): r is Reference => !!r).map((r) => r.day), elected?.day ?? Infinity) - BACKGROUND_DAYS;
  const entries = mergeCandidates(candidates, sentenceIndex(candidates), phrasesBySentence, articles, references, elected?.day, lastPhase, storyStart);
  const out: StoryTimeline['references'] = {};
  articles.forEach((a, i) => {
    const r = references[i];
    if (r) out[a.key] = r.estimate ? { day: isoDay(r.day), estimate: r.estimate } : { day: isoDay(r.day) };
  });
  return { entries, references: out, ...(elected ? { dayOne: isoDay(elected.day) } : {}), notes };
}

/** Stated publish days, then estimates (with the stated days as context, then with the first estimates too). */
function resolveReferences(articles: TimelineArticle[], sentences: SentenceSpan[][]): (Reference | undefined)[] {
  const references: (Reference | undefined)[] = articles.map((a) => {
    const day = dayOfIso(a.published);
    return day === undefined ? undefined : { day, estimated: false };
  });
  let known = -1;
  const evidence = new Map<number, TextEvidence>();
  for (let round = 0; round < 2; round++) {
    const contextDays = references.filter((r): r is Reference => !!r).map((r) => r.day);
    // A second round helps only when the first added publish days.
    if (contextDays.length === known) break;
    known = contextDays.length;
    articles.forEach((article, i) => {
      if (references[i] || !article.text) return;
      const read = evidence.get(i) ?? evidenceOf(article.text, sentences[i]);
      evidence.set(i, read);
      const estimate = estimatePublished({ ...article, published: undefined }, [], { evidence: read, contextDays });
      // Relative dates resolve against the most likely day (that of the freshest evidence), else the latest.
      if (estimate) references[i] = { day: dayOfIso(estimate.likely ?? estimate.latest)!, estimated: true, estimate };
    });
  }
  return references;
}

/**
 * The time expressions of a text, with full calendar dates timex leaves coarser ("Jan.6, 2021" read as "2021")
 * put in as days. Timex never takes the timeline down: a failure leaves that article's expressions out, with a note.
 */
function timeExpressions(text: string, reference: string, note: (problem: string) => void, stored?: { index: number; memo: TimexMemo }): TimeExpression[] {
  let found = stored?.memo.get(stored.index, reference);
  if (!found) {
    try {
      found = findTimeExpressions(text, reference);
    } catch (error) {
      note(`time expressions could not be read (${(error as Error).message})`);
      return [];
    }
    stored?.memo.set(stored.index, reference, found);
  }
  const explicit = explicitDates(text).filter((date) => !found.some((e) => e.start <= date.start && date.end <= e.end && /^\d{4}-\d{2}-\d{2}/.test(e.value)));
  if (!explicit.length) return found;
  const kept = found.filter((e) => !explicit.some((date) => e.start < date.end && date.start < e.end));
  const added = explicit.map((date): TimeExpression => ({ start: date.start, end: date.end, text: date.text, type: 'DATE', value: isoDay(date.day) }));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

function candidateOf(article: number, text: string, sentence: SentenceSpan, sentenceIndex: number, expression: TimeExpression, reference: Reference): Candidate | undefined {
  if (expression.type !== 'DATE' && expression.type !== 'TIME') return undefined;
  const value = /^\d{4}-\d{2}-\d{2}T/.test(expression.value) ? expression.value.slice(0, 10) : expression.value;
  const range = rangeOfValue(value);
  if (!range) return undefined;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const at = expression.start - sentence.start;
  const before = sentenceText.slice(0, at);
  if (SPAN_EDGE.test(before)) return undefined;
  // "about 1100 hrs IST" is a clock time, not the year 1100.
  if (range.precision === 'year' && /^\s*(?:hrs|hours|h|GMT|UTC|IST|local)\b/i.test(sentenceText.slice(expression.end - sentence.start))) return undefined;
  const kind = datesTheReport(sentenceText, at, expression.end - sentence.start) ? 'report' : 'event';
  let { first, last } = range;
  // A weekday or a year-less date placed after the publish day although its clause tells of the past
  // ("checked into … on Thursday night, for what is to be …"): the past one is meant.
  if (first > reference.day && range.precision === 'day' && !/\b\d{4}\b/.test(expression.text) && !looksAhead(before) && PAST_TENSE.test(before.slice(-90))) {
    const weekday = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(expression.text);
    const back = weekday ? 7 : daysInYearBefore(first);
    if (back && first - back <= reference.day) first = last = first - back;
  }
  const expected = first > reference.day || (range.precision === 'day' && first >= reference.day && looksAhead(before));
  return {
    article,
    sentence,
    sentenceIndex,
    dateStart: expression.start,
    dateEnd: expression.end,
    dateText: expression.text,
    value: first === range.first ? value : isoDay(first),
    first,
    last,
    precision: range.precision,
    kind,
    expected,
    estimated: reference.estimated && !/\b\d{4}\b/.test(expression.text),
    derived: false,
    words: [],
    clause: '',
  };
}

function derivedCandidate(article: number, text: string, sentence: SentenceSpan, sentenceIndex: number, phrase: DayPhrase, day: DayNumber, estimated: boolean): Candidate {
  return {
    article,
    sentence,
    sentenceIndex,
    dateStart: phrase.start,
    dateEnd: phrase.end,
    dateText: text.slice(phrase.start, phrase.end),
    value: isoDay(day),
    first: day,
    last: day,
    precision: 'day',
    kind: 'event',
    expected: false,
    estimated,
    derived: true,
    phase: phrase.ordinal,
    words: [],
    clause: '',
  };
}

/**
 * "Kim on Friday pledged …, state media reported. He made the announcement … on the third day": when the next
 * sentence puts the same act on an earlier day of the event, the first sentence's day is the day of the report.
 */
function reinterpretReportDays(candidates: Candidate[], articles: TimelineArticle[]): void {
  const derivedAt = new Map<string, Candidate>();
  for (const c of candidates) if (c.derived) derivedAt.set(`${c.article}:${c.sentenceIndex}`, c);
  for (const c of candidates) {
    if (c.derived || c.kind !== 'event' || c.precision !== 'day' || c.phase !== undefined) continue;
    const next = derivedAt.get(`${c.article}:${c.sentenceIndex + 1}`);
    if (!next || c.first - next.first < 1 || c.first - next.first > 2) continue;
    const text = articles[c.article]!.text;
    const sentence = text.slice(c.sentence.start, c.sentence.end);
    const following = text.slice(next.sentence.start, next.sentence.end);
    if (relaysReport(sentence) && /^(?:He|She|It|They|The (?:announcement|remarks?|speech|statement|pledge)|This|That)\b/.test(following)) c.kind = 'report';
  }
}

/** The length of the year before a day's month-day (365 or 366), to move a date back a year. */
function daysInYearBefore(day: DayNumber): number {
  const [y, m, d] = isoDay(day).split('-').map(Number) as [number, number, number];
  if (m === 2 && d === 29) return 0;
  return dayNumberOf(y, m, d) - dayNumberOf(y - 1, m, d);
}

/** Candidates by `article:sentence`. */
function sentenceIndex(candidates: Candidate[]): Map<string, Candidate[]> {
  const index = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.article}:${c.sentenceIndex}`;
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  return index;
}

const nearestTo = <T extends { dateStart: number }>(items: T[], at: number): T | undefined =>
  items.reduce<T | undefined>((best, c) => (!best || Math.abs(c.dateStart - at) < Math.abs(best.dateStart - at) ? c : best), undefined);

/** Groups candidates by day (a map, never all pairs of the story), then by wording within a day. */
function mergeCandidates(
  candidates: Candidate[],
  inSentence: Map<string, Candidate[]>,
  phrasesBySentence: Map<string, DayPhrase[]>,
  articles: TimelineArticle[],
  references: (Reference | undefined)[],
  dayOne: DayNumber | undefined,
  lastPhase: number,
  storyStart: number,
): TimelineEntry[] {
  // Words to compare events by come from the whole sentence (once per sentence); the wording, which costs more,
  // is made only for the few candidates an entry's text is chosen from.
  const sentenceWords = new Map<string, string[]>();
  for (const c of candidates) {
    const key = `${c.article}:${c.sentenceIndex}`;
    let words = sentenceWords.get(key);
    if (!words) {
      const text = articles[c.article]!.text;
      let sentence = text.slice(c.sentence.start, c.sentence.end);
      for (const other of inSentence.get(key) ?? []) {
        if (!other.derived) sentence = sentence.slice(0, other.dateStart - c.sentence.start) + ' '.repeat(other.dateEnd - other.dateStart) + sentence.slice(other.dateEnd - c.sentence.start);
      }
      words = comparedWords(sentence);
      sentenceWords.set(key, words);
    }
    c.words = words;
  }
  candidates = candidates.filter((c) => c.words.length > 0);
  const wordingOfCandidate = (c: Candidate): void => {
    if (c.clause) return;
    const text = articles[c.article]!.text;
    const sentence = text.slice(c.sentence.start, c.sentence.end);
    const remove: RemovedSpan[] = [];
    for (const other of inSentence.get(`${c.article}:${c.sentenceIndex}`) ?? []) {
      if (!other.derived) remove.push({ start: other.dateStart - c.sentence.start, end: other.dateEnd - c.sentence.start });
    }
    // Day phrases go from the wording of the day they date (the phase), not from other dates' wordings.
    if (c.phase !== undefined) {
      for (const phrase of phrasesBySentence.get(`${c.article}:${c.sentenceIndex}`) ?? []) remove.push({ start: phrase.start - c.sentence.start, end: phrase.end - c.sentence.start, phrase: true });
    }
    const clause = eventClause(sentence, c.dateStart - c.sentence.start, remove);
    c.clause = clause.text || sentence.slice(0, 200);
    c.attribution = clause.attribution;
  };
  const documentFrequency = new Map<string, number>();
  for (const c of candidates) for (const w of c.words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [w, df] of documentFrequency) weights.set(w, Math.log(1 + candidates.length / df));
  const profiles = new Map<Candidate, { set: Set<string>; total: number }>();
  for (const c of candidates) profiles.set(c, { set: new Set(c.words), total: c.words.reduce((sum, w) => sum + weights.get(w)!, 0) });
  const similarity = (a: Candidate, b: Candidate): number => {
    const pa = profiles.get(a)!;
    const pb = profiles.get(b)!;
    if (!pa.total || !pb.total) return 0;
    const [small, large] = pa.set.size <= pb.set.size ? [pa, pb] : [pb, pa];
    let shared = 0;
    for (const w of small.set) if (large.set.has(w)) shared += weights.get(w)!;
    return shared / Math.min(pa.total, pb.total);
  };

  const buckets = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.value}|${c.kind}|${c.expected ? 'expected' : ''}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(c);
    else buckets.set(key, [c]);
  }
  const entries: { entry: TimelineEntry; first: DayNumber; last: DayNumber; order: number }[] = [];
  for (const bucket of buckets.values()) {
    bucket.sort((a, b) => a.article - b.article || a.dateStart - b.dateStart);
    const clusters: Candidate[][] = [];
    // The day's phase ("on the third day") first: other events of that day join it on a weaker likeness.
    const phase = bucket.filter((c) => c.phase !== undefined && c.kind === 'event');
    if (phase.length) clusters.push(phase);
    const byWord = new Map<string, Candidate[][]>();
    for (const c of bucket) {
      if (c.phase !== undefined && c.kind === 'event') continue;
      // All reports of one day are one entry: the day the news came out.
      if (c.kind === 'report' && clusters.length) {
        clusters[0]!.push(c);
        continue;
      }
      // Only clusters sharing a word can be alike: an index from words to clusters keeps a crowded day linear.
      // Only clusters sharing a word can be alike: an index from words to clusters keeps a crowded day linear.
      // The first cluster (in the order they were made) with a member alike enough takes it.
      let best: { cluster: Candidate[]; score: number } | undefined;
      const tried: Candidate[][] = [];
      const tryCluster = (cluster: Candidate[]): boolean => {
        if (tried.includes(cluster)) return false;
        tried.push(cluster);
        const needed = cluster === phase ? PHASE_JOIN : SAME_EVENT;
        let score = 0;
        for (let i = 0; i < cluster.length && i < JOIN_COMPARED && score < needed; i++) score = Math.max(score, similarity(c, cluster[i]!));
        if (score < needed) return false;
        best = { cluster, score: SAME_EVENT };
        return true;
      };
      if (!(phase.length && tryCluster(clusters[0]!))) {
        search: for (const w of c.words) {
          for (const cluster of byWord.get(w) ?? []) {
            if (tryCluster(cluster) || tried.length >= CLUSTERS_TRIED) break search;
          }
        }
      }
      const home = (best as { cluster: Candidate[] } | undefined)?.cluster;
      if (home) home.push(c);
      else clusters.push([c]);
      const target = home ?? clusters[clusters.length - 1]!;
      if (target.length <= COMPARED) {
        for (const w of c.words) {
          const list = byWord.get(w);
          if (!list) byWord.set(w, [target]);
          else if (list[list.length - 1] !== target && list.length < 4 * COMPARED) list.push(target);
        }
      }
    }
    for (const cluster of clusters) {
      const head = cluster[0]!;
      const label = dayOne !== undefined && head.precision === 'day' && head.first >= dayOne && head.first - dayOne < lastPhase ? `day ${head.first - dayOne + 1}` : null;
      const entry: TimelineEntry = {
        date: head.value,
        label,
        text: wordingOf(cluster, similarity, wordingOfCandidate),
        sources: sourcesOf(cluster, articles, references),
        background: head.last < storyStart,
        estimated: cluster.every((c) => c.estimated),
        kind: head.kind,
        ...(head.expected ? { expected: true } : {}),
      };
      entries.push({ entry, first: head.first, last: head.last, order: Math.min(...cluster.map((c) => c.article * 1e9 + c.dateStart)) });
    }
  }
  // Earlier first; of two starting on one day, the longer span (the context) first; events before reports.
  entries.sort((a, b) => a.first - b.first || b.last - a.last || (a.entry.kind === 'report' ? 1 : 0) - (b.entry.kind === 'report' ? 1 : 0) || a.order - b.order);
  return entries.map((e) => e.entry);
}

/** The words an event sentence (dates blanked) is compared by, once per wording in a run (copies repeat sentences). */
const comparedWords = memoisedInRun((sentence: string): string[] =>
  // A "sentence" of clock times and labels ("| Updated 9: 01 AM EDT") tells no event.
  wordCount(sentence.replace(JUNK_WORDS, ' ')) >= 3 ? eventWords(sentence) : [],
);

const ANAPHORIC = /^(?:He|She|It|They|This|That|These|Those|The announcement|The move)\b/;

/** The most central wording of a cluster; with a clearly different second wording when three or more sources tell it. */
function wordingOf(cluster: Candidate[], similarity: (a: Candidate, b: Candidate) => number, prepare: (c: Candidate) => void): string {
  const score = (c: Candidate, pool: Candidate[]): number => {
    let total = 0;
    for (let i = 0; i < pool.length && i < COMPARED; i++) if (pool[i] !== c) total += similarity(c, pool[i]!);
    const words = c.clause.split(/\s+/).length;
    // A wording that starts with "He" or is a fragment reads badly on its own.
    return total + (ANAPHORIC.test(c.clause) ? -1 : 0) + (words < 5 ? -0.5 : 0) + (c.derived ? -0.1 : 0) + (c.clause.endsWith('…') ? -0.2 : 0);
  };
  // The first members stand for a crowded cluster (its earliest articles): choosing among them stays cheap.
  const pick = (all: Candidate[]): Candidate => {
    const pool = all.length > 2 * COMPARED ? all.slice(0, 2 * COMPARED) : all;
    for (const c of pool) prepare(c);
    let best = pool[0]!;
    let bestScore = -Infinity;
    for (const c of pool) {
      const value = score(c, pool);
      if (value > bestScore) [best, bestScore] = [c, value];
    }
    return best;
  };
  const first = pick(cluster);
  const prefix = first.kind === 'report' && first.attribution ? `${capitalise(first.attribution)} reports: ` : '';
  let text = prefix + (prefix ? lowerFirst(first.clause) : first.clause);
  const articles = new Set(cluster.map((c) => c.article));
  if (articles.size >= 3 && first.kind === 'event') {
    // Told apart by the wordings themselves (the sentences around them share the attribution and the names).
    const firstWords = new Set(eventWords(first.clause));
    const apart = (c: Candidate): boolean => {
      const words = eventWords(c.clause);
      const shared = words.filter((w) => firstWords.has(w)).length;
      return words.length > 0 && shared / Math.min(words.length, firstWords.size || 1) < OTHER_WORDING;
    };
    const rest = cluster.slice(0, 2 * COMPARED).filter((c) => c.article !== first.article);
    for (const c of rest) prepare(c);
    rest.splice(0, rest.length, ...rest.filter((c) => !ANAPHORIC.test(c.clause) && c.clause.split(/\s+/).length >= 5 && apart(c)));
    if (rest.length) text += `; ${lowerFirst(pick(rest).clause)}`;
  }
  return text;
}

const dayTexts = new Map<DayNumber, string>();
/** `YYYY-MM-DD` of a day, remembered: a big story has a few publish days and thousands of sources. */
const dayText = (day: DayNumber): string => dayTexts.get(day) ?? dayTexts.set(day, isoDay(day)).get(day)!;

function sourcesOf(cluster: Candidate[], articles: TimelineArticle[], references: (Reference | undefined)[]): TimelineSource[] {
  const seen = new Set<string>();
  const sources: { source: TimelineSource; day: DayNumber; article: number }[] = [];
  for (const c of cluster) {
    const key = `${c.article}:${c.sentenceIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const article = articles[c.article]!;
    const reference = references[c.article]!;
    const text = article.text.slice(c.sentence.start, c.sentence.end);
    sources.push({
      day: reference.day,
      article: c.article,
      source: {
        article: article.key,
        start: c.sentence.start,
        end: c.sentence.end,
        text: text.length > SOURCE_TEXT_MAX ? `${text.slice(0, SOURCE_TEXT_MAX)}…` : text,
        dateText: c.dateText,
        dateStart: c.dateStart,
        dateEnd: c.dateEnd,
        published: dayText(reference.day),
        ...(reference.estimated ? { publishedEstimated: true } : {}),
        ...(c.derived ? { derived: true } : {}),
      },
    });
  }
  // Ordered by publish day (estimated ones included), then by the order the articles came in.
  sources.sort((a, b) => a.day - b.day || a.article - b.article || a.source.start - b.source.start);
  return sources.map((s) => s.source);
}

const capitalise = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
/** Lower-cases the first letter of a function word (never of a name) when a wording continues another. */
const lowerFirst = (text: string): string => (/^(?:The|A|An|In|On|At|He|She|It|They|This|That|Some|State)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
