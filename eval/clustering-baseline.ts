// Frozen plain baselines: the single-pass TF-IDF clusterer and TF-IDF pair cosine as newsfuse had them on 2026-12-02.
//
// A copy, not an import, so that the product code can change while the baseline stays what it was
// (src/cluster/assign.ts, story-index.ts and src/text/terms.ts before issue 7). Run in process by
// eval/clustering.ts and eval/sts22.ts beside the CLI figures of the same run.
import { dataLines } from '../src/data-files.js';
import { tokenize } from '../src/text/tokens.js';

/** An article as the baseline sees it: cleaned title and text, publish time in epoch ms. */
export interface BaselineArticle {
  id: string;
  title?: string;
  text: string;
  time?: number;
}

let stopwords: Set<string> | undefined;
const stop = (): Set<string> => (stopwords ??= new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))));

/** Title words count 3 times, body words beyond 400 are ignored, stop words and numbers under 4 digits left out. */
export function baselineTerms(title: string | undefined, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (source: string, weight: number, limit: number): void => {
    let seen = 0;
    for (const token of tokenize(source)) {
      if (seen++ >= limit) break;
      const term = token.norm;
      if (term.length < 2 || stop().has(term) || (/^\d+$/.test(term) && term.length < 4)) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  };
  if (title) add(title, 3, 60);
  add(text, 1, 400);
  return counts;
}

function tfidf(counts: Map<string, number>, documents: number, df: Map<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (Math.log((documents + 1) / ((df.get(term) ?? 0) + 1)) + 1);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

function cosine(unit: Map<string, number>, centroid: Map<string, number>): number {
  let dot = 0;
  let norm = 0;
  for (const [term, weight] of centroid) {
    norm += weight * weight;
    const other = unit.get(term);
    if (other !== undefined) dot += other * weight;
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm);
}

const DAY = 86_400_000;
const OPTIONS = { threshold: 0.2, shortThreshold: 0.09, shortTerms: 8, longTerms: 60, queryTerms: 15, candidates: 40, centroidTerms: 120, indexTerms: 25, windowDays: 3 };
const HORIZON_WINDOWS = 8;

const strongest = (vector: Map<string, number>, n: number): [string, number][] =>
  [...vector.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n);

function thresholdFor(terms: number): number {
  const o = OPTIONS;
  if (terms <= o.shortTerms) return o.shortThreshold;
  if (terms >= o.longTerms) return o.threshold;
  const t = Math.log(terms / o.shortTerms) / Math.log(o.longTerms / o.shortTerms);
  return o.shortThreshold + t * (o.threshold - o.shortThreshold);
}

interface Centroid {
  id: number;
  vector: Map<string, number>;
  firstSeen?: number;
  lastSeen?: number;
}

/** Processing order of the `cluster` command: by time where known, else behind the article before. */
function order(articles: readonly BaselineArticle[]): BaselineArticle[] {
  let last = -Infinity;
  return articles
    .map((article, index) => {
      if (article.time !== undefined) last = article.time;
      return { article, index, key: article.time ?? last };
    })
    .sort((x, y) => x.key - y.key || x.index - y.index)
    .map((k) => k.article);
}

/** Single-pass TF-IDF assignment: article id -> story id. */
export function baselineCluster(articles: readonly BaselineArticle[]): Map<string, string> {
  let documents = 0;
  const df = new Map<string, number>();
  const stories = new Map<number, Centroid>();
  const postings = new Map<string, Set<number>>();
  const indexed = new Map<number, string[]>();
  let nextId = 1;
  const out = new Map<string, string>();
  const save = (story: Centroid, vector: Map<string, number>, time: number | undefined): void => {
    const sum = new Map(story.vector);
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
    const kept = strongest(sum, OPTIONS.centroidTerms);
    story.vector = new Map(kept);
    if (time !== undefined) {
      story.firstSeen = story.firstSeen === undefined ? time : Math.min(story.firstSeen, time);
      story.lastSeen = story.lastSeen === undefined ? time : Math.max(story.lastSeen, time);
    }
    for (const term of indexed.get(story.id) ?? []) postings.get(term)?.delete(story.id);
    stories.set(story.id, story);
    const terms = kept.slice(0, OPTIONS.indexTerms).map(([term]) => term);
    indexed.set(story.id, terms);
    for (const term of terms) {
      let set = postings.get(term);
      if (!set) postings.set(term, (set = new Set()));
      set.add(story.id);
    }
  };
  for (const article of order(articles)) {
    const counts = baselineTerms(article.title, article.text);
    documents++;
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const vector = tfidf(counts, documents, df);
    const query = strongest(vector, OPTIONS.queryTerms).map(([term]) => term);
    const time = article.time;
    const since = time === undefined ? undefined : time - HORIZON_WINDOWS * OPTIONS.windowDays * DAY;
    const shared = new Map<number, number>();
    for (const term of query) {
      for (const id of postings.get(term) ?? []) {
        const last = stories.get(id)!.lastSeen;
        if (since !== undefined && last !== undefined && last < since) continue;
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    const candidates = [...shared.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, OPTIONS.candidates);
    let best: Centroid | undefined;
    let bestScore = 0;
    for (const [id] of candidates) {
      const story = stories.get(id)!;
      let factor = 1;
      if (time !== undefined && story.firstSeen !== undefined && story.lastSeen !== undefined) {
        const windows = Math.max(0, story.firstSeen - time, time - story.lastSeen) / (OPTIONS.windowDays * DAY);
        factor = windows <= 1 ? 1 : Math.pow(0.5, windows - 1);
      }
      const score = cosine(vector, story.vector) * factor;
      if (score > bestScore) {
        bestScore = score;
        best = story;
      }
    }
    const story = best && bestScore >= thresholdFor(counts.size) ? best : { id: nextId++, vector: new Map<string, number>() };
    save(story, vector, time);
    out.set(article.id, String(story.id));
  }
  return out;
}

/** TF-IDF cosine of each pair, with document frequencies over every text of the input (the old `similarity`). */
export function baselineSimilarity(pairs: readonly { a: string; b: string }[]): number[] {
  const counted = pairs.map((p) => ({ a: baselineTerms(undefined, p.a), b: baselineTerms(undefined, p.b) }));
  const df = new Map<string, number>();
  for (const p of counted) for (const doc of [p.a, p.b]) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const documents = counted.length * 2;
  return counted.map((p) => Math.max(0, Math.min(1, cosine(tfidf(p.a, documents, df), tfidf(p.b, documents, df)))));
}
