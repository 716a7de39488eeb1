// MinHash signatures over word shingles (one-permutation hashing), LSH band keys over them, and Jaccard of shingle sets.
import { mix32 } from '../text/tokens.js';

export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;

/** Salts of the bin hash and of the value hash (fixed: signatures are stored, so they must not change between runs). */
const BIN_SALT = 0x5bd1e995;
const VALUE_SALT = 0x27d4eb2d;
const EMPTY = 0xffffffff;
/** Attempts of the densification's probe sequence before it falls back to the next filled bin on the right. */
const PROBES = 4 * SIGNATURE_SIZE;

/**
 * The MinHash signature of a set of shingle hashes by one-permutation hashing with optimal
 * densification (Shrivastava, ICML 2017): each shingle is hashed once, its hash picks one of the
 * SIGNATURE_SIZE bins and a second hash is its value; a bin keeps its least value. An empty bin
 * (short texts) takes the value of the first filled bin on a probe sequence that depends only on the
 * bin and the attempt, so two sets fill it from the same place and the share of equal positions stays
 * an unbiased estimate of their Jaccard similarity. One hash per shingle instead of one per shingle
 * and permutation: about SIGNATURE_SIZE times less hashing, with the same variance for sets of more
 * than a few hundred shingles (the recall of the near-duplicate checks is tested on that).
 */
export function minhash(shingles: Uint32Array): Uint32Array {
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (let s = 0; s < shingles.length; s++) {
    const h = mix32(shingles[s]! ^ BIN_SALT);
    const bin = h & (SIGNATURE_SIZE - 1);
    // The value must not be the bin's bits again: hash once more; EMPTY is kept for empty bins.
    const value = Math.min(mix32(h ^ VALUE_SALT), EMPTY - 1);
    if (value < bins[bin]!) bins[bin] = value;
  }
  if (shingles.length === 0) return bins;
  const signature = Uint32Array.from(bins);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    if (bins[i] !== EMPTY) continue;
    let filled = -1;
    for (let attempt = 1; attempt <= PROBES && filled < 0; attempt++) {
      const j = mix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77)) & (SIGNATURE_SIZE - 1);
      if (bins[j] !== EMPTY) filled = j;
    }
    for (let k = 1; filled < 0; k++) if (bins[(i + k) % SIGNATURE_SIZE] !== EMPTY) filled = (i + k) % SIGNATURE_SIZE;
    signature[i] = bins[filled]!;
  }
  return signature;
}

/** Share of equal positions in two signatures: an estimate of the Jaccard similarity of the sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * One key per band (32 bands of 4 rows): two signatures that agree on a whole band share its key.
 * With 32×4, pairs at Jaccard 0.5 collide in some band with probability 0.87, at 0.8 with ~1, at 0.2 with 0.05.
 */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = mix32(band + 1);
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ signature[band * ROWS + r]!);
    // Keep keys within 2^53 so they round-trip through SQLite integers and JSON: band in the high bits.
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let inter = 0;
  for (const x of setA) if (setB.has(x)) inter++;
  const union = setA.size + setB.size - inter;
  return union === 0 ? 0 : inter / union;
}
