// Extractive multi-source summary: central sentences that independent sources support, never two saying the same, never a caption or byline.
import { termCounts } from '../../text/terms.js';
import { cosine, documentFrequencies, tfidf } from '../../text/tfidf.js';
import { claimUnits } from '../claims/units.js';

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

/** What the story's other sections know: origin groups of the documents, and the claim each sentence states. */
export interface SummaryContext {
  /** The origin group of a document: copies of one text count once for centrality and support. */
  groupOf(document: string): number;
  /** The claim a sentence (by its document and start offset) belongs to, when claim grouping found one. */
  claimOf(document: string, start: number): number | undefined;
}

interface Candidate extends SummarySentence {
  vector: Map<string, number>;
  position: number;
  claim: number | undefined;
}

const SAME_SENTENCE = 0.6;
const REDUNDANT = 0.45;
/** A summary may run this much over its word budget to end on a whole sentence (summaryText cuts there too). */
const OVERRUN = 1.15;

/** Each document its own origin group, no claims known: the summary of documents alone. */
function alone(documents: SummaryDocument[]): SummaryContext {
  const index = new Map(documents.map((d, i) => [d.id, i]));
  return { groupOf: (document) => index.get(document) ?? -1, claimOf: () => undefined };
}

/**
 * Pick sentences until `words` is reached. A sentence scores by its similarity to the centroid of
 * the story (each origin group weighing once, however many copies it has), its lead position, and
 * how many independent sources carry a like sentence or the same claim; a sentence of a claim
 * already picked, or too like a picked sentence, is skipped (MMR-style). Photo captions, bylines,
 * boilerplate and datelines are never candidates. Sentences keep their document order per source.
 */
export function summarize(documents: SummaryDocument[], words = 80, context: SummaryContext = alone(documents)): SummarySentence[] {
  const candidates: Candidate[] = [];
  const raw: { doc: SummaryDocument; start: number; end: number; counts: Map<string, number>; position: number }[] = [];
  for (const doc of documents) {
    for (const unit of claimUnits(doc.text)) {
      const sentence = doc.text.slice(unit.start, unit.end);
      const count = sentence.split(/\s+/).length;
      if (count < 6 || count > 60) continue;
      const counts = termCounts(undefined, sentence);
      if (counts.size < 3) continue;
      raw.push({ doc, start: unit.start, end: unit.end, counts, position: unit.position });
    }
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
  // Each origin group weighs once in the centroid: a wire text run by fifty outlets is one voice.
  for (const group of groups.values()) {
    const voices = new Set(group.members.map((m) => context.groupOf(m.doc.id))).size;
    for (const [term, weight] of group.vector) centroid.set(term, (centroid.get(term) ?? 0) + weight * voices);
  }
  const allGroups = new Set(documents.map((d) => context.groupOf(d.id))).size;
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const unique = [...groups.values()].map((group) => {
    const best = group.members.reduce((x, y) => (y.position < x.position ? y : x));
    return { group, best, docs: new Set(group.members.map((m) => m.doc.id)) };
  });
  const like = likeSentences(unique.map((u) => u.group.vector), SAME_SENTENCE);
  let centroidNorm = 0;
  for (const weight of centroid.values()) centroidNorm += weight * weight;
  centroidNorm = Math.sqrt(centroidNorm) || 1;
  // Documents carrying each claim, so that a paraphrase supports a sentence too.
  const claimDocs = new Map<number, Set<string>>();
  for (const r of raw) {
    const claim = context.claimOf(r.doc.id, r.start);
    if (claim !== undefined) (claimDocs.get(claim) ?? claimDocs.set(claim, new Set()).get(claim)!).add(r.doc.id);
  }
  unique.forEach((u, i) => {
    const support = new Set(u.docs);
    for (const j of like(i)) for (const doc of unique[j]!.docs) support.add(doc);
    const r = u.best;
    const claim = context.claimOf(r.doc.id, r.start);
    for (const doc of claimDocs.get(claim ?? Number.NaN) ?? []) support.add(doc);
    const list = [r.doc.id, ...[...support].filter((d) => d !== r.doc.id).sort((x, y) => order.get(x)! - order.get(y)!)];
    let dot = 0;
    for (const [term, weight] of u.group.vector) dot += weight * centroid.get(term)!;
    const lead = 1 / (1 + r.position * 0.5);
    const independent = new Set(list.map((d) => context.groupOf(d))).size;
    const supportShare = allGroups > 1 ? (independent - 1) / (allGroups - 1) : 0;
    const score = (dot / centroidNorm) * (0.6 + 0.4 * lead) * (1 + 0.5 * supportShare);
    candidates.push({ text: r.doc.text.slice(r.start, r.end), document: r.doc.id, start: r.start, end: r.end, support: list, score, vector: u.group.vector, position: r.position, claim });
  });
  candidates.sort((x, y) => y.score - x.score);
  const picked: Candidate[] = [];
  let total = 0;
  for (const c of candidates) {
    if (total >= words) break;
    // A sentence that would run the summary past its budget gives way to a shorter one further down.
    const length = c.text.split(/\s+/).length;
    if (total > 0 && total + length > words * OVERRUN) continue;
    if (picked.some((p) => (c.claim !== undefined && p.claim === c.claim) || cosine(c.vector, p.vector) >= REDUNDANT)) continue;
    picked.push(c);
    total += length;
  }
  picked.sort((x, y) => x.position - y.position || order.get(x.document)! - order.get(y.document)!);
  return picked.map(({ vector: _v, position: _p, claim: _c, ...sentence }) => sentence);
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
    if (total > 0 && total + n > words * OVERRUN) break;
    out.push(s.text);
    total += n;
  }
  return out.join(' ');
}
