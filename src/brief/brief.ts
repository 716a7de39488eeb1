// The brief of one story: its sources, a multi-source summary, and passages shared word for word.
import { basename } from 'node:path';
import { alignPassages } from '../fingerprint/passage-align.js';
import { tokenize } from '../fingerprint/tokens.js';
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

export interface SharedPassage {
  /** The two sources and spans in their texts. */
  a: { ref: number; start: number; end: number };
  b: { ref: number; start: number; end: number };
  words: number;
  text: string;
  /** The source that published first, when publish times tell; null when they do not. */
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

function firstOf(a: StoredArticle, b: StoredArticle, refA: number, refB: number): { first: number | null; basis: string } {
  if (a.published && b.published && a.published !== b.published) {
    return a.published < b.published
      ? { first: refA, basis: `[${refA}] published ${a.published}, before [${refB}] (${b.published})` }
      : { first: refB, basis: `[${refB}] published ${b.published}, before [${refA}] (${a.published})` };
  }
  if (a.published && !b.published) return { first: null, basis: `only [${refA}] has a publish time` };
  if (b.published && !a.published) return { first: null, basis: `only [${refB}] has a publish time` };
  return { first: null, basis: 'no publish times to order them' };
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
  const passages: SharedPassage[] = [];
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      for (const p of alignPassages(tokens[i]!, tokens[j]!)) {
        passages.push({
          a: { ref: i + 1, start: p.a[0], end: p.a[1] },
          b: { ref: j + 1, start: p.b[0], end: p.b[1] },
          words: p.tokens,
          text: paired[i]!.text.slice(p.a[0], p.a[1]),
          ...firstOf(paired[i]!, paired[j]!, i + 1, j + 1),
        });
      }
    }
  }
  passages.sort((x, y) => y.words - x.words || x.a.ref - y.a.ref);

  const agencies = new Map<string, { name: string; credited: number[]; cited: number[] }>();
  const entry = (name: string) => agencies.get(name) ?? agencies.set(name, { name, credited: [], cited: [] }).get(name)!;
  for (const s of sources) {
    for (const name of s.credits) entry(name).credited.push(s.ref);
    for (const name of s.cited) entry(name).cited.push(s.ref);
  }
  return { story, sources, summary, passages, agencies: [...agencies.values()], notes };
}
