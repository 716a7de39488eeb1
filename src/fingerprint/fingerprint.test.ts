// Tests for the fingerprint stage (content hash, item key, shingles, signature) and duplicate pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Article, type ArticleInput } from '../article.js';
import { prepare } from '../pipeline.js';
import { findDuplicates, NEAR_DUPLICATE_THRESHOLD, sortedJaccard, sortedSet } from './dupes.js';
import { fingerprint } from './fingerprint.js';
import { SIGNATURE_SIZE } from './minhash.js';

const BODY =
  'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said. ' +
  'Rescue teams worked through the night to reach villages cut off by the water, the regional governor told reporters. ' +
  'The weather service expects more rain later in the week and has warned people living near the river to stay alert.';

function article(id: string, input: Omit<ArticleInput, 'id'>): Article {
  return prepare(new Article({ file: 'test.jsonl', line: 1 }, { id, ...input }));
}

test('identical texts have the same content hash; case, punctuation and spacing do not matter', () => {
  const a = article('a', { text: BODY, outlet: 'One' });
  const b = article('b', { text: BODY.toUpperCase().replace(/,/g, ' ,  '), outlet: 'Two' });
  assert.match(a.data.contentHash!, /^[0-9a-f]{64}$/);
  assert.equal(a.data.contentHash, b.data.contentHash);
  assert.notEqual(a.data.itemKey, b.data.itemKey, 'different items (outlet, id) have different item keys');
  const c = article('c', { text: BODY.replace('Monday', 'Tuesday') });
  assert.notEqual(a.data.contentHash, c.data.contentHash);
});

test('the same item fingerprinted twice has the same item key', () => {
  const a = article('a', { text: BODY, outlet: 'One', url: 'https://one.example/a', title: 'Floods' });
  const again = article('a', { text: BODY, outlet: 'One', url: 'https://one.example/a', title: 'Floods' });
  assert.equal(a.data.itemKey, again.data.itemKey);
});

test('fingerprint fills shingles and a full signature; a title-only article is fingerprinted from its title', () => {
  const a = article('a', { text: BODY });
  assert.equal(a.data.signature?.length, SIGNATURE_SIZE);
  assert.ok((a.data.shingles?.length ?? 0) > 50);
  const t = new Article({ file: 'f' }, { title: 'Floods hit the valley' });
  fingerprint(t);
  assert.equal(t.data.shingles?.length, 1);
  assert.ok(t.data.contentHash);
});

test('findDuplicates: an exact pair, a near pair, and no pair for an unrelated text', () => {
  const other =
    'The city council approved a new budget for schools and roads after a long debate on Tuesday evening. ' +
    'Teachers welcomed the extra money but said it would not cover the rising cost of heating old buildings this winter.';
  const articles = [
    article('orig', { text: BODY }),
    article('copy', { text: BODY }),
    article('edit', { text: BODY.replace('regional governor', 'provincial governor') }),
    article('rewrite', { text: BODY.replace('regional governor', 'provincial governor').replace('later in the week', 'on Thursday') }),
    article('other', { text: other }),
  ];
  const pairs = findDuplicates(articles);
  const byIds = new Map(pairs.map((p) => [`${p.a}|${p.b}`, p]));
  assert.deepEqual(byIds.get('orig|copy'), { a: 'orig', b: 'copy', jaccard: 1, kind: 'exact' });
  const near = byIds.get('orig|edit');
  assert.ok(near, `expected orig|edit among ${[...byIds.keys()].join(', ')}`);
  assert.equal(near.kind, 'near');
  assert.ok(near.jaccard >= NEAR_DUPLICATE_THRESHOLD && near.jaccard < 1);
  assert.ok(byIds.has('copy|edit'));
  assert.ok(!byIds.has('orig|rewrite'), 'two edits in a short text: below the default threshold');
  const lower = findDuplicates(articles, 0.5);
  assert.ok(lower.some((p) => p.a === 'orig' && p.b === 'rewrite' && p.kind === 'near' && p.jaccard >= 0.5));
  assert.ok(!pairs.some((p) => p.a === 'other' || p.b === 'other'));
  assert.ok(!lower.some((p) => p.a === 'other' || p.b === 'other'));
});

test('the lean fingerprint (dupes) has the full one\'s content hash, shingles and signature, and no item key', () => {
  for (const text of [BODY, BODY.replace(/a/g, 'à').replace('rain', 'Kim’s rain'), '']) {
    const full = article('a', { text, title: 'Floods hit the valley' });
    const lean = new Article({ file: 'test.jsonl', line: 1 }, { id: 'a', text: full.text, title: 'Floods hit the valley' });
    fingerprint(lean, { lean: true });
    assert.equal(lean.data.contentHash, full.data.contentHash);
    assert.deepEqual(lean.data.shingles, full.data.shingles);
    assert.deepEqual(lean.data.signature, full.data.signature);
    assert.equal(lean.data.itemKey, undefined);
    assert.equal(lean.data.bodyTokens, undefined);
  }
});

test('sortedSet gives the sorted distinct values, as a comparison sort does (property; both sides of the radix size)', () => {
  const reference = (values: Uint32Array): number[] => [...new Set(Array.from(values))].sort((x, y) => x - y);
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 300 }), fc.constantFrom(0, 0xffffffff, 0x80000000, 0xff00ff00)), { maxLength: 3000 }),
      (values) => assert.deepEqual(Array.from(sortedSet(Uint32Array.from(values))), reference(Uint32Array.from(values))),
    ),
    { numRuns: 400, seed: 20261203 },
  );
  const big = Uint32Array.from({ length: 50_000 }, (_, i) => Math.imul(i % 20_000, 0x9e3779b1) >>> 0);
  const input = Uint32Array.from(big);
  assert.deepEqual(Array.from(sortedSet(big)), reference(big));
  assert.deepEqual(big, input, 'the input is left as it was');
});

test('sortedJaccard with a floor: the exact score when it reaches the floor, else a score below it (property)', () => {
  // Overlapping sets of many sizes: a shared part and two own parts.
  const sets = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1000 }));
  fc.assert(
    fc.property(sets, fc.constantFrom(0.5, 0.7, 0.85, 0.9, 0.99), ([shared, onlyA, onlyB, seed], floor) => {
      const value = (k: number): number => Math.imul(k + seed * 7919, 0x9e3779b1) >>> 0;
      const a = sortedSet(Uint32Array.from({ length: shared + onlyA }, (_, k) => value(k < shared ? k : 10_000 + k)));
      const b = sortedSet(Uint32Array.from({ length: shared + onlyB }, (_, k) => value(k < shared ? k : 20_000 + k)));
      const exact = sortedJaccard(a, b);
      const floored = sortedJaccard(a, b, floor);
      if (exact >= floor) assert.equal(floored, exact);
      else assert.ok(floored < floor, `${floored} should be below ${floor} (exact ${exact})`);
    }),
    { numRuns: 2000, seed: 20261203 },
  );
});
