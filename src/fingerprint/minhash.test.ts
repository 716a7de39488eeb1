// Tests for MinHash signatures, LSH band keys and exact Jaccard, with a seeded property-style loop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../test/helpers.js';
import { BANDS, bandKeys, estimateJaccard, jaccard, minhash } from './minhash.js';
import { shingleHashes, tokenize } from '../text/tokens.js';

const VOCABULARY = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);

/** A random text of `n` words, and a copy with a share `edit` of its words replaced. */
function textPair(random: () => number, n: number, edit: number): [string, string] {
  const words = Array.from({ length: n }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
  const copy = words.map((w) => (random() < edit ? VOCABULARY[Math.floor(random() * VOCABULARY.length)]! : w));
  return [words.join(' '), copy.join(' ')];
}

const shingles = (text: string): Uint32Array => shingleHashes(tokenize(text), 5);

test('MinHash estimate is close to the exact Jaccard on synthetic texts (seeded, 60 pairs)', () => {
  const random = seededRandom(20210108);
  let totalError = 0;
  for (let i = 0; i < 60; i++) {
    const [a, b] = textPair(random, 150 + Math.floor(random() * 300), random() * 0.3);
    const sa = shingles(a);
    const sb = shingles(b);
    const exact = jaccard(sa, sb);
    const estimate = estimateJaccard(minhash(sa), minhash(sb));
    // Standard error of a 128-permutation estimate is at most 0.044; allow ~4 sigma per pair.
    assert.ok(Math.abs(estimate - exact) <= 0.18, `pair ${i}: exact ${exact.toFixed(3)}, estimate ${estimate.toFixed(3)}`);
    totalError += Math.abs(estimate - exact);
  }
  assert.ok(totalError / 60 < 0.05, `mean absolute error ${(totalError / 60).toFixed(3)}`);
});

test('identical sets have identical signatures and estimate 1; disjoint sets estimate near 0', () => {
  const random = seededRandom(7);
  const [a, b] = textPair(random, 300, 0);
  assert.equal(a, b);
  assert.deepEqual(minhash(shingles(a)), minhash(shingles(b)));
  assert.equal(estimateJaccard(minhash(shingles(a)), minhash(shingles(b))), 1);
  const other = Array.from({ length: 300 }, (_, i) => `zz${i}`).join(' ');
  assert.ok(estimateJaccard(minhash(shingles(a)), minhash(shingles(other))) < 0.05);
});

test('exact Jaccard counts sets, not multisets; empty sets give 0', () => {
  assert.equal(jaccard(Uint32Array.from([1, 2, 3]), Uint32Array.from([2, 3, 4])), 0.5);
  assert.equal(jaccard(Uint32Array.from([1, 1, 2]), Uint32Array.from([1, 2, 2])), 1);
  assert.equal(jaccard(new Uint32Array(0), new Uint32Array(0)), 0);
});

test('band keys: one per band, safe integers, equal for equal bands and distinct across bands', () => {
  const signature = minhash(shingles('the quick brown fox jumps over the lazy dog again and again'));
  const keys = bandKeys(signature);
  assert.equal(keys.length, BANDS);
  for (const key of keys) assert.ok(Number.isSafeInteger(key) && key >= 0);
  assert.equal(new Set(keys).size, BANDS);
  const changed = Uint32Array.from(signature);
  changed[0] = changed[0]! ^ 1; // only band 0 differs
  const keys2 = bandKeys(changed);
  assert.notEqual(keys2[0], keys[0]);
  assert.deepEqual(keys2.slice(1), keys.slice(1));
});

test('near duplicates share a band far more often than unrelated texts (seeded)', () => {
  const random = seededRandom(42);
  let nearHits = 0;
  let farHits = 0;
  for (let i = 0; i < 30; i++) {
    const [a, b] = textPair(random, 300, 0.03);
    const [c] = textPair(random, 300, 0);
    const ka = new Set(bandKeys(minhash(shingles(a))));
    if (bandKeys(minhash(shingles(b))).some((k) => ka.has(k))) nearHits++;
    if (bandKeys(minhash(shingles(c))).some((k) => ka.has(k))) farHits++;
  }
  assert.equal(nearHits, 30);
  assert.equal(farHits, 0);
});
