// Near-duplicate pairs among articles: LSH candidates from MinHash bands, verified by exact shingle Jaccard, as a stream.
import type { Article } from '../article.js';
import { BANDS, bandKeys } from './minhash.js';
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

/** Scratch of the radix sort, reused: one article's shingles at a time. */
let radixFrom = new Uint32Array(1024);
let radixTo = new Uint32Array(1024);
const radixCounts = new Uint32Array(4 * 256);
/** Below this many values the built-in sort is as fast as four radix passes. */
const RADIX_MIN = 128;

/**
 * Sorted distinct values: sets compared by a merge, without building hash sets per pair. Sorted by four
 * byte-wise counting passes (least significant first), which beat the comparison sort on shingle sets.
 */
export function sortedSet(values: Uint32Array): Uint32Array {
  const length = values.length;
  let sorted: Uint32Array;
  if (length < RADIX_MIN) sorted = Uint32Array.from(values).sort();
  else {
    if (radixFrom.length < length) {
      radixFrom = new Uint32Array(length * 2);
      radixTo = new Uint32Array(length * 2);
    }
    const counts = radixCounts;
    counts.fill(0);
    for (let i = 0; i < length; i++) {
      const v = values[i]!;
      counts[v & 0xff]!++;
      counts[256 + ((v >>> 8) & 0xff)]!++;
      counts[512 + ((v >>> 16) & 0xff)]!++;
      counts[768 + (v >>> 24)]!++;
    }
    for (let pass = 0; pass < 4; pass++) {
      let sum = 0;
      for (let b = pass * 256; b < pass * 256 + 256; b++) {
        const c = counts[b]!;
        counts[b] = sum;
        sum += c;
      }
    }
    let from: Uint32Array = values;
    let to = radixTo;
    for (let pass = 0, shift = 0; pass < 4; pass++, shift += 8) {
      const base = pass * 256;
      for (let i = 0; i < length; i++) {
        const v = from[i]!;
        to[counts[base + ((v >>> shift) & 0xff)]!++] = v;
      }
      // Pass 0 reads the input; then the two scratch buffers take turns.
      from = to;
      to = to === radixTo ? radixFrom : radixTo;
    }
    sorted = from;
  }
  let n = 0;
  for (let i = 0; i < length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** Merge steps between checks of whether the pair can still reach the floor of `sortedJaccard`. */
const FLOOR_CHECK = 64;

/**
 * Exact Jaccard of two sorted distinct sets (0 for two empty sets). With `floor`, a pair that can no
 * longer reach it (even if every value left in the smaller remainder were shared) stops early and
 * returns a value below `floor`: a score below the floor is only ever compared with it.
 */
export function sortedJaccard(a: Uint32Array, b: Uint32Array, floor = 0): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  for (let nextCheck = FLOOR_CHECK; i < a.length && j < b.length; ) {
    if (floor > 0 && i + j >= nextCheck) {
      nextCheck += FLOOR_CHECK;
      // The score is increasing in the intersection, so this best case bounds it from above.
      const best = inter + Math.min(a.length - i, b.length - j);
      if (best / (a.length + b.length - best) < floor) return best / (a.length + b.length - best);
    }
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

/** What duplicate finding keeps of a fingerprinted article: plain data, so a worker thread can make it and post it back. */
export interface DuplicateCandidate {
  id: string;
  contentHash: string;
  /** Sorted distinct shingle hashes. */
  shingles: Uint32Array;
  /** The signature's LSH band keys (`bandKeys`). */
  keys: Float64Array;
}

/** The candidate of a fingerprinted article; undefined when it has no shingles (nothing to compare). */
export function duplicateCandidate(article: Article): DuplicateCandidate | undefined {
  const { signature, shingles, contentHash } = article.data;
  if (!signature || !shingles || shingles.length === 0 || !contentHash) return undefined;
  return { id: article.id, contentHash, shingles: sortedSet(shingles), keys: Float64Array.from(bandKeys(signature)) };
}

/**
 * Finds duplicate pairs as articles arrive: each new article is compared with the earlier ones it
 * shares an LSH band with, so the work grows with the number of articles and their true neighbours,
 * not with all pairs. Keeps per article only its id, content hash and sorted shingle set.
 */
export class DuplicateFinder {
  /** Per band, the articles whose signature has each value of the band's hash (small-integer keys: fast maps). */
  private readonly buckets = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  private readonly items: { id: string; contentHash: string; shingles: Uint32Array }[] = [];
  /** Per earlier article, the last article it was compared with: a candidate met in several bands is compared once. */
  private lastCompared = new Int32Array(1024).fill(-1);

  constructor(private readonly threshold = NEAR_DUPLICATE_THRESHOLD) {}

  /** Add a fingerprinted article; returns its pairs with earlier articles (earlier one first), in the order found. */
  add(article: Article): DuplicatePair[] {
    const candidate = duplicateCandidate(article);
    return candidate ? this.addCandidate(candidate) : [];
  }

  /** `add` for an article's candidate (made where the article was fingerprinted). */
  addCandidate(candidate: DuplicateCandidate): DuplicatePair[] {
    const { id, contentHash, shingles: set, keys } = candidate;
    const i = this.items.length;
    this.items.push({ id, contentHash, shingles: set });
    if (i >= this.lastCompared.length) {
      const grown = new Int32Array(this.lastCompared.length * 2).fill(-1);
      grown.set(this.lastCompared);
      this.lastCompared = grown;
    }
    const pairs: DuplicatePair[] = [];
    for (const key of keys) {
      const band = Math.floor(key / 2 ** 32);
      const hash = (key - band * 2 ** 32) | 0;
      const buckets = this.buckets[band]!;
      const bucket = buckets.get(hash);
      if (!bucket) {
        buckets.set(hash, [i]);
        continue;
      }
      for (const j of bucket) {
        if (this.lastCompared[j] === i) continue;
        this.lastCompared[j] = i;
        const other = this.items[j]!;
        const exact = other.contentHash === contentHash;
        // Sets this different in size cannot reach the threshold: |A∩B|/|A∪B| <= min/max.
        if (!exact && Math.min(set.length, other.shingles.length) < this.threshold * Math.max(set.length, other.shingles.length)) continue;
        const score = exact ? 1 : sortedJaccard(other.shingles, set, this.threshold);
        if (exact || score >= this.threshold) pairs.push({ a: other.id, b: id, jaccard: Math.round(score * 1e4) / 1e4, kind: exact ? 'exact' : 'near' });
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
