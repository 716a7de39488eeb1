// The brief of one story: its sources, a multi-source summary, and passages shared word for word.
import { basename } from 'node:path';
import { alignPassages } from '../text/passage-align.js';
import { tokenize } from '../text/tokens.js';
import type { StoredArticle, StorySummary } from '../store/store.js';
import { summarize } from './summary.js';

export interface BriefSource {
  /** Position in the brief's source list, from 1: what summary and passages refer to. */
  ref: number;
  article: number;
  outlet: string;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string;
  authors: string[];
  credits: string[];
  cited: string[];
}

export interface BriefSentence {
  text: string;
  /** The source the sentence is quoted from, and its span in that article's text. */
  ref: number;
  start: number;
  end: number;
  /** Every source that carries a sentence saying the same. */
  support: number[];
}

/** A span of one source's text. */
export interface SourceSpan {
  ref: number;
  start: number;
  end: number;
}

export interface SharedPassage {
  /** Every source that carries the passage, with its span there, in source order. */
  carriers: SourceSpan[];
  /** Length in words (the longest carried span). */
  words: number;
  text: string;
  /** The carrier that published first, when all carriers' publish times tell; null when they do not. */
  first: number | null;
  /** Why `first` was chosen, or why it could not be. */
  basis: string;
}

export interface Brief {
  story: StorySummary;
  sources: BriefSource[];
  summary: BriefSentence[];
  passages: SharedPassage[];
  /** Agencies credited or cited, with the sources that do. */
  agencies: { name: string; credited: number[]; cited: number[] }[];
  /** Limits applied (e.g. passages compared among the first N sources only). */
  notes: string[];
}

/** Pairs compared for shared passages grow quadratically; beyond this many sources only the earliest are paired. */
const MAX_PASSAGE_SOURCES = 60;

export const sourceLabel = (article: Pick<StoredArticle, 'outlet' | 'source'>): string => article.outlet ?? basename(article.source);

/** The earliest publisher among a passage's carriers, when every carrier has a publish time. */
function firstOf(carriers: SourceSpan[], articles: StoredArticle[]): { first: number | null; basis: string } {
  const timed = carriers.filter((c) => articles[c.ref - 1]!.published);
  if (timed.length < carriers.length) {
    return timed.length === 0
      ? { first: null, basis: 'no publish times to order them' }
      : { first: null, basis: `only ${timed.map((c) => `[${c.ref}]`).join('')} ${timed.length === 1 ? 'has' : 'have'} a publish time` };
  }
  const sorted = [...carriers].sort((x, y) => articles[x.ref - 1]!.published!.localeCompare(articles[y.ref - 1]!.published!));
  const [a, b] = [articles[sorted[0]!.ref - 1]!, articles[sorted[1]!.ref - 1]!];
  if (a.published === b.published) return { first: null, basis: `[${sorted[0]!.ref}] and [${sorted[1]!.ref}] have the same publish time` };
  return { first: sorted[0]!.ref, basis: `[${sorted[0]!.ref}] published ${a.published}, before [${sorted[1]!.ref}] (${b.published})` };
}

/** Share of the shorter span that two spans of one text have in common. */
const overlap = (x: SourceSpan, y: SourceSpan): number =>
  Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)) / Math.max(1, Math.min(x.end - x.start, y.end - y.start));

/**
 * Group pairwise shared passages into passages with all their carriers: spans of one source that
 * mostly overlap are the same passage (the KCNA quote that sources 1, 2 and 3 all carry).
 */
function groupPassages(pairs: { a: SourceSpan; b: SourceSpan; words: number }[], articles: StoredArticle[]): SharedPassage[] {
  const spans: SourceSpan[] = [];
  const parent: number[] = [];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (i: number, j: number): void => {
    parent[find(i)] = find(j);
  };
  const words = new Map<number, number>();
  const node = (span: SourceSpan, n: number): number => {
    let i = spans.findIndex((s) => s.ref === span.ref && overlap(s, span) >= 0.5);
    if (i === -1) {
      i = spans.push({ ...span }) - 1;
      parent.push(i);
    } else if (span.end - span.start > spans[i]!.end - spans[i]!.start) spans[i] = { ...span };
    words.set(i, Math.max(words.get(i) ?? 0, n));
    return i;
  };
  for (const pair of pairs) union(node(pair.a, pair.words), node(pair.b, pair.words));
  const groups = new Map<number, number[]>();
  spans.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].map((members) => {
    const carriers = members.map((i) => spans[i]!).sort((x, y) => x.ref - y.ref);
    const longest = carriers.reduce((x, y) => (y.end - y.start > x.end - x.start ? y : x));
    return {
      carriers,
      words: Math.max(...members.map((i) => words.get(i)!)),
      text: articles[longest.ref - 1]!.text.slice(longest.start, longest.end),
      ...firstOf(carriers, articles),
    };
  });
}

/** Build the brief of a story from its stored articles (oldest first). */
export function buildBrief(story: StorySummary, articles: StoredArticle[], summaryWords = 90): Brief {
  const sources: BriefSource[] = articles.map((a, i) => ({
    ref: i + 1,
    article: a.id,
    outlet: sourceLabel(a),
    title: a.title ?? null,
    published: a.published ?? null,
    url: a.url ?? null,
    source: a.source,
    authors: a.authors,
    credits: a.credits,
    cited: a.cited,
  }));
  const refOf = new Map(articles.map((a, i) => [String(a.id), i + 1]));

  const summary = summarize(
    articles.map((a) => ({ id: String(a.id), title: a.title, text: a.text, time: a.published ? Date.parse(a.published) : undefined })),
    summaryWords,
  ).map((s) => ({ text: s.text, ref: refOf.get(s.document)!, start: s.start, end: s.end, support: s.support.map((d) => refOf.get(d)!).sort((x, y) => x - y) }));

  const notes: string[] = [];
  const paired = articles.slice(0, MAX_PASSAGE_SOURCES);
  if (articles.length > paired.length) notes.push(`shared passages were looked for among the ${paired.length} earliest of ${articles.length} sources`);
  const tokens = paired.map((a) => tokenize(a.text));
  const pairs: { a: SourceSpan; b: SourceSpan; words: number }[] = [];
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      for (const p of alignPassages(tokens[i]!, tokens[j]!)) {
        pairs.push({ a: { ref: i + 1, start: p.a[0], end: p.a[1] }, b: { ref: j + 1, start: p.b[0], end: p.b[1] }, words: p.tokens });
      }
    }
  }
  const passages = groupPassages(pairs, articles);
  passages.sort((x, y) => y.carriers.length - x.carriers.length || y.words - x.words || x.carriers[0]!.ref - y.carriers[0]!.ref);

  const agencies = new Map<string, { name: string; credited: number[]; cited: number[] }>();
  const entry = (name: string) => agencies.get(name) ?? agencies.set(name, { name, credited: [], cited: [] }).get(name)!;
  for (const s of sources) {
    for (const name of s.credits) entry(name).credited.push(s.ref);
    for (const name of s.cited) entry(name).cited.push(s.ref);
  }
  return { story, sources, summary, passages, agencies: [...agencies.values()], notes };
}
