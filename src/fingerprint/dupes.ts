// Near-duplicate pairs among articles: LSH candidates from MinHash bands, verified by exact shingle Jaccard, as a stream.
import type { Article } from '../article.js';
import { bandKeys } from './minhash.js';
import { NEAR_DUPLICATE_THRESHOLD } from './near-duplicate.js';

export { NEAR_DUPLICATE_THRESHOLD };

export interface DuplicatePair {
  a: string;
  b: string;
  jaccard: number;
  kind: 'exact' | 'near';
}

/** Articles kept per LSH bucket: a bucket as full as this holds boilerplate, not news. */
const BUCKET_LIMIT = 200;

/** Sorted distinct values: sets compared by a merge, without building hash sets per pair. */
function sortedSet(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** Exact Jaccard of two sorted distinct sets (0 for two empty sets). */
export function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/**
 * Finds duplicate pairs as articles arrive: each new article is compared with the earlier ones it
 * shares an LSH band with, so the work grows with the number of articles and their true neighbours,
 * not with all pairs. Keeps per article only its id, content hash and sorted shingle set.
 */
export class DuplicateFinder {
  private readonly buckets = new Map<number, number[]>();
  private readonly items: { id: string; contentHash: string; shingles: Uint32Array }[] = [];

  constructor(private readonly threshold = NEAR_DUPLICATE_THRESHOLD) {}

  /** Add a fingerprinted article; returns its pairs with earlier articles (earlier one first), in the order found. */
  add(article: Article): DuplicatePair[] {
    const { signature, shingles, contentHash } = article.data;
    if (!signature || !shingles || shingles.length === 0 || !contentHash) return [];
    const i = this.items.length;
    const set = sortedSet(shingles);
    this.items.push({ id: article.id, contentHash, shingles: set });
    const pairs: DuplicatePair[] = [];
    const seen = new Set<number>();
    for (const key of bandKeys(signature)) {
      const bucket = this.buckets.get(key);
      if (!bucket) {
        this.buckets.set(key, [i]);
        continue;
      }
      for (const j of bucket) {
        if (seen.has(j)) continue;
        seen.add(j);
        const other = this.items[j]!;
        const exact = other.contentHash === contentHash;
        const score = exact ? 1 : sortedJaccard(other.shingles, set);
        if (exact || score >= this.threshold) pairs.push({ a: other.id, b: article.id, jaccard: Math.round(score * 1e4) / 1e4, kind: exact ? 'exact' : 'near' });
      }
      if (bucket.length < BUCKET_LIMIT) bucket.push(i);
    }
    return pairs;
  }
}

/** Every pair of fingerprinted articles whose bodies are equal (exact) or whose shingle sets reach `threshold` (near). */
export function findDuplicates(articles: readonly Article[], threshold = NEAR_DUPLICATE_THRESHOLD): DuplicatePair[] {
  const finder = new DuplicateFinder(threshold);
  return articles.flatMap((article) => finder.add(article));
}
