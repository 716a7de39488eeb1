// Similarity of two articles for the `similarity` and `compare` commands: TF-IDF cosine over story terms.
import { cosine, tfidf } from './assign.js';

/** Document frequencies over a set of term-count maps. */
export function documentFrequencies(documents: Iterable<Map<string, number>>): { documents: number; df: Map<string, number> } {
  const df = new Map<string, number>();
  let count = 0;
  for (const doc of documents) {
    count++;
    for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { documents: count, df };
}

/** Cosine of the TF-IDF vectors of two term-count maps under given document frequencies (0..1). */
export function termSimilarity(
  a: Map<string, number>,
  b: Map<string, number>,
  stats: { documents: number; df: Map<string, number> },
): number {
  const va = tfidf(a, stats.documents, stats.df);
  const vb = tfidf(b, stats.documents, stats.df);
  return Math.max(0, Math.min(1, cosine(va, vb)));
}

/** Above this similarity two articles are taken to report the same story. */
export const SAME_STORY_THRESHOLD = 0.3;
