// Hand-computed cases for the Pearson correlation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pearson } from './pearson.js';

test('perfect positive and negative correlation', () => {
  assert.equal(pearson([1, 2, 3], [2, 4, 6]), 1);
  assert.equal(pearson([1, 2, 3], [3, 2, 1]), -1);
});

test('hand-computed value', () => {
  // x = 1,2,3,4 (mean 2.5), y = 2,1,4,3 (mean 2.5): cov sum = 2.25-0.75-0.75+2.25... computed: dx=-1.5,-.5,.5,1.5; dy=-.5,-1.5,1.5,.5
  // sum dx*dy = .75+.75+.75+.75 = 3; sum dx² = 5; sum dy² = 5 -> r = 3/5
  assert.ok(Math.abs(pearson([1, 2, 3, 4], [2, 1, 4, 3]) - 0.6) < 1e-12);
});

test('invariant to shifting and positive scaling', () => {
  const x = [0.3, 0.1, 0.9, 0.5];
  const y = [1, 4, 2, 3];
  const shifted = y.map((v) => -v * 2 + 10);
  assert.ok(Math.abs(pearson(x, y) + pearson(x, shifted)) < 1e-12);
});

test('undefined cases are NaN, unequal lengths throw', () => {
  assert.ok(Number.isNaN(pearson([1], [2])));
  assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
  assert.throws(() => pearson([1, 2], [1]), /equal length/);
});
