// Extractive multi-source summary: central, well-supported sentences, no two saying the same.
import { termCounts } from '../../text/terms.js';
import { cosine, documentFrequencies, tfidf } from '../../text/tfidf.js';
import { splitSentences } from '../../text/sentences.js';

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
  // Copies of one sentence (wire text run by many outlets) are one group: compared once, scored
  // once, represented by their earliest position (the best lead score of the copies).
  const groups = new Map<string, { members: typeof raw; vector: Map<string, number> }>();
  for (const r of raw) {
    const key = r.doc.text.slice(r.start, r.end).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const group = groups.get(key);
    if (group) group.members.push(r);
    else groups.set(key, { members: [r], vector: tfidf(r.counts, sentences, df) });
  }
  for (const group of groups.values()) {
    for (const [term, weight] of group.vector) centroid.set(term, (centroid.get(term) ?? 0) + weight * group.members.length);
  }
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const unique = [...groups.values()].map((group) => {
    const best = group.members.reduce((x, y) => (y.position < x.position ? y : x));
    return { group, best, docs: new Set(group.members.map((m) => m.doc.id)) };
  });
  const like = likeSentences(unique.map((u) => u.group.vector), SAME_SENTENCE);
  let centroidNorm = 0;
  for (const weight of centroid.values()) centroidNorm += weight * weight;
  centroidNorm = Math.sqrt(centroidNorm) || 1;
  unique.forEach((u, i) => {
    const support = new Set(u.docs);
    for (const j of like(i)) for (const doc of unique[j]!.docs) support.add(doc);
    const r = u.best;
    const list = [r.doc.id, ...[...support].filter((d) => d !== r.doc.id).sort((x, y) => order.get(x)! - order.get(y)!)];
    let dot = 0;
    for (const [term, weight] of u.group.vector) dot += weight * centroid.get(term)!;
    const lead = 1 / (1 + r.position * 0.5);
    const supportShare = documents.length > 1 ? (list.length - 1) / (documents.length - 1) : 0;
    const score = (dot / centroidNorm) * (0.6 + 0.4 * lead) * (1 + 0.5 * supportShare);
    candidates.push({ text: r.doc.text.slice(r.start, r.end), document: r.doc.id, start: r.start, end: r.end, support: list, score, vector: u.group.vector, position: r.position });
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
  picked.sort((x, y) => x.position - y.position || order.get(x.document)! - order.get(y.document)!);
  return picked.map(({ vector: _v, position: _p, ...sentence }) => sentence);
}

/**
 * For each unit vector, the others whose cosine with it reaches `threshold`. Exact, and fast by
 * prefix filtering: if two unit vectors share no term among the heaviest terms of one of them
 * whose weights leave less than `threshold` of its norm outside, their cosine is below `threshold`.
 * So each vector probes an index of all vectors with its prefix only, and only the pairs it finds
 * are compared.
 */
export function likeSentences(vectors: Map<string, number>[], threshold: number): (i: number) => number[] {
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    for (const term of vector.keys()) (postings.get(term) ?? postings.set(term, []).get(term)!).push(i);
  });
  return (i) => {
    const vector = vectors[i]!;
    const terms = [...vector.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    let rest = 0;
    for (const [, weight] of terms) rest += weight * weight;
    const seen = new Set<number>([i]);
    const found: number[] = [];
    for (const [term, weight] of terms) {
      if (Math.sqrt(rest) < threshold) break;
      rest -= weight * weight;
      for (const j of postings.get(term)!) {
        if (seen.has(j)) continue;
        seen.add(j);
        if (cosine(vector, vectors[j]!) >= threshold) found.push(j);
      }
    }
    return found.sort((x, y) => x - y);
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
