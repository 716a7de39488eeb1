// MinHash signatures over word shingles, LSH band keys over them, and Jaccard of shingle sets.
import { mix32 } from '../text/tokens.js';

export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x5bd1e995 ^ Math.imul(i + 1, 0x27d4eb2d)));

/** The MinHash signature of a set of shingle hashes: for each seed, the least mixed value. */
export function minhash(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix32(x ^ SEEDS[i]!);
      if (v < signature[i]!) signature[i] = v;
    }
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
