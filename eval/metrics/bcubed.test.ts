// Hand-computed cases for B-cubed and pairwise clustering scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed, clusterCount, pairwise } from './bcubed.js';

const labels = (entries: Record<string, string>) => new Map(Object.entries(entries));
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

test('identical clusterings score 1 (labels need not match by name)', () => {
  const gold = labels({ a: 'x', b: 'x', c: 'y' });
  const predicted = labels({ a: '7', b: '7', c: '9' });
  assert.deepEqual(bcubed(predicted, gold), { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(pairwise(predicted, gold), { precision: 1, recall: 1, f1: 1 });
});

test('Bagga-Baldwin style example', () => {
  // gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}
  const gold = labels({ a: 'G1', b: 'G1', c: 'G1', d: 'G2', e: 'G2' });
  const predicted = labels({ a: 'P1', b: 'P1', c: 'P2', d: 'P2', e: 'P2' });
  // precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> (1+1+1/3+2/3+2/3)/5 = 11/15
  // recall per item:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> (2/3+2/3+1/3+1+1)/5 = 11/15
  const b = bcubed(predicted, gold);
  close(b.precision, 11 / 15);
  close(b.recall, 11 / 15);
  close(b.f1, 11 / 15);
  // predicted pairs: ab, cd, ce, de = 4; gold pairs: ab, ac, bc, de = 4; together: ab, de = 2
  const p = pairwise(predicted, gold);
  close(p.precision, 0.5);
  close(p.recall, 0.5);
  close(p.f1, 0.5);
});

test('everything in one cluster: full recall, precision from cluster sizes', () => {
  const gold = labels({ a: 'x', b: 'x', c: 'y', d: 'z' });
  const predicted = labels({ a: 'p', b: 'p', c: 'p', d: 'p' });
  const b = bcubed(predicted, gold);
  // precision: a,b 2/4; c,d 1/4 -> (0.5+0.5+0.25+0.25)/4 = 0.375
  close(b.precision, 0.375);
  close(b.recall, 1);
  close(b.f1, (2 * 0.375) / 1.375);
  const p = pairwise(predicted, gold);
  close(p.precision, 1 / 6);
  close(p.recall, 1);
});

test('all singletons: full precision, pairwise precision 1 with no predicted pairs', () => {
  const gold = labels({ a: 'x', b: 'x', c: 'x' });
  const predicted = labels({ a: '1', b: '2', c: '3' });
  const b = bcubed(predicted, gold);
  close(b.precision, 1);
  close(b.recall, 1 / 3);
  close(b.f1, 0.5);
  assert.deepEqual(pairwise(predicted, gold), { precision: 1, recall: 0, f1: 0 });
});

test('an item missing from the prediction is a singleton; extra predicted items are ignored', () => {
  const gold = labels({ a: 'x', b: 'x' });
  const predicted = labels({ a: 'p', extra: 'p' });
  const b = bcubed(predicted, gold);
  close(b.precision, 1);
  close(b.recall, 0.5);
});

test('a label that looks like the singleton marker does not merge with missing items', () => {
  const gold = labels({ a: 'x', b: 'y' });
  const predicted = labels({ a: '\u0000singleton:b' });
  close(bcubed(predicted, gold).precision, 1);
});

test('empty input scores 0; clusterCount counts labels', () => {
  assert.deepEqual(bcubed(new Map(), new Map()), { precision: 0, recall: 0, f1: 0 });
  assert.equal(clusterCount(labels({ a: '1', b: '1', c: '2' })), 2);
});
