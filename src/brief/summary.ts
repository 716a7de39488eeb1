// Extractive multi-source summary: central, well-supported sentences, no two saying the same.
import { termCounts } from '../text/terms.js';
import { cosine, documentFrequencies, tfidf } from '../text/tfidf.js';
import { splitSentences } from '../text/sentences.js';

/** One document of a summary's input. */
export interface SummaryDocument {
  id: string;
  title?: string;
  text: string;
  /** Publish time (epoch ms), to order support; optional. */
  time?: number;
}

export interface SummarySentence {
  text: string;
  /** The document the sentence is taken from, and its span there. */
  document: string;
  start: number;
  end: number;
  /** Documents that carry a sentence saying the same (the source first). */
  support: string[];
  score: number;
}

interface Candidate extends SummarySentence {
  vector: Map<string, number>;
  position: number;
}

const SAME_SENTENCE = 0.6;
const REDUNDANT = 0.45;

/**
 * Pick sentences until `words` is reached. A sentence scores by its similarity to the centroid of
 * all documents, its lead position, and how many documents carry a like sentence; a sentence too
 * like one already picked is skipped (MMR-style). Sentences keep their document order per source.
 */
export function summarize(documents: SummaryDocument[], words = 80): SummarySentence[] {
  const candidates: Candidate[] = [];
  const raw: { doc: SummaryDocument; start: number; end: number; counts: Map<string, number>; position: number }[] = [];
  for (const doc of documents) {
    const spans = splitSentences(doc.text);
    spans.forEach((span, position) => {
      const sentence = doc.text.slice(span.start, span.end);
      const count = sentence.split(/\s+/).length;
      if (count < 6 || count > 60) return;
      const counts = termCounts(undefined, sentence);
      if (counts.size < 3) return;
      raw.push({ doc, start: span.start, end: span.end, counts, position });
    });
  }
  if (raw.length === 0) return fallback(documents, words);
  const { documents: sentences, df } = documentFrequencies(raw.map((r) => r.counts));
  const centroid = new Map<string, number>();
  for (const r of raw) {
    const vector = tfidf(r.counts, sentences, df);
    for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);
    candidates.push({ text: r.doc.text.slice(r.start, r.end), document: r.doc.id, start: r.start, end: r.end, support: [r.doc.id], score: 0, vector, position: r.position });
  }
  const others = likeSentences(candidates);
  candidates.forEach((c, i) => {
    for (const j of others(i)) {
      const other = candidates[j]!;
      if (other.document === c.document || c.support.includes(other.document)) continue;
      if (cosine(c.vector, other.vector) >= SAME_SENTENCE) c.support.push(other.document);
    }
    const lead = 1 / (1 + c.position * 0.5);
    const supportShare = documents.length > 1 ? (c.support.length - 1) / (documents.length - 1) : 0;
    c.score = cosine(c.vector, centroid) * (0.6 + 0.4 * lead) * (1 + 0.5 * supportShare);
  });
  candidates.sort((x, y) => y.score - x.score);
  const picked: Candidate[] = [];
  let total = 0;
  for (const c of candidates) {
    if (total >= words) break;
    if (picked.some((p) => cosine(c.vector, p.vector) >= REDUNDANT)) continue;
    picked.push(c);
    total += c.text.split(/\s+/).length;
  }
  const order = new Map(documents.map((d, i) => [d.id, i]));
  picked.sort((x, y) => x.position - y.position || order.get(x.document)! - order.get(y.document)!);
  return picked.map(({ vector: _v, position: _p, ...sentence }) => sentence);
}

/** Up to this many sentences every pair is compared; beyond, only pairs that share an uncommon term. */
const ALL_PAIRS = 2500;
/** A term in more sentences than this is too common to find like sentences by (its pairs are many, its weight low). */
const COMMON_TERM = 400;

/**
 * The candidates worth comparing with sentence `i`, in index order. Sentences alike enough to
 * support each other share several terms; indexing by terms keeps a 500-article story from
 * comparing all of its tens of thousands of sentence pairs.
 */
function likeSentences(candidates: { vector: Map<string, number> }[]): (i: number) => Iterable<number> {
  const all = candidates.map((_, i) => i);
  if (candidates.length <= ALL_PAIRS) return () => all;
  const postings = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    for (const term of c.vector.keys()) (postings.get(term) ?? postings.set(term, []).get(term)!).push(i);
  });
  return (i) => {
    const shared = new Set<number>();
    for (const term of candidates[i]!.vector.keys()) {
      const list = postings.get(term)!;
      if (list.length > COMMON_TERM) continue;
      for (const j of list) shared.add(j);
    }
    return [...shared].sort((x, y) => x - y);
  };
}

/** Documents with no usable sentence (titles only): the first title stands in. */
function fallback(documents: SummaryDocument[], words: number): SummarySentence[] {
  const doc = documents.find((d) => d.title || d.text);
  if (!doc) return [];
  const text = (doc.title || doc.text).split(/\s+/).slice(0, words).join(' ');
  return [{ text, document: doc.id, start: 0, end: doc.title ? 0 : text.length, support: [doc.id], score: 0 }];
}

/** The summary as plain text, cut to about `words` words at a sentence end where possible. */
export function summaryText(sentences: SummarySentence[], words: number): string {
  const out: string[] = [];
  let total = 0;
  for (const s of sentences) {
    const n = s.text.split(/\s+/).length;
    if (total > 0 && total + n > words * 1.15) break;
    out.push(s.text);
    total += n;
  }
  return out.join(' ');
}
