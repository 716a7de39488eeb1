// Near-duplicate pairs among articles: LSH candidates from MinHash bands, verified by exact shingle Jaccard.
import type { Article } from '../article.js';
import { bandKeys, jaccard } from './minhash.js';

export interface DuplicatePair {
  a: string;
  b: string;
  jaccard: number;
  kind: 'exact' | 'near';
}

/** Default least Jaccard similarity of 5-word shingle sets for a near duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/**
 * Every pair of fingerprinted articles whose bodies are equal (exact) or whose shingle sets reach
 * `threshold` (near). Candidates come from shared LSH bands, so the work grows with the number of
 * articles and their true neighbours, not with all pairs.
 */
export function findDuplicates(articles: readonly Article[], threshold = NEAR_DUPLICATE_THRESHOLD): DuplicatePair[] {
  const buckets = new Map<number, number[]>();
  const pairs = new Map<string, DuplicatePair>();
  articles.forEach((article, i) => {
    const signature = article.data.signature;
    const shingles = article.data.shingles;
    if (!signature || !shingles || shingles.length === 0) return;
    const seen = new Set<number>();
    for (const key of bandKeys(signature)) {
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [i]);
        continue;
      }
      for (const j of bucket) {
        if (seen.has(j)) continue;
        seen.add(j);
        const other = articles[j]!;
        const exact = other.data.contentHash === article.data.contentHash;
        const score = exact ? 1 : jaccard(other.data.shingles!, shingles);
        if (exact || score >= threshold) {
          pairs.set(`${j}:${i}`, { a: other.id, b: article.id, jaccard: Math.round(score * 1e4) / 1e4, kind: exact ? 'exact' : 'near' });
        }
      }
      if (bucket.length < 200) bucket.push(i);
    }
  });
  return [...pairs.values()];
}
