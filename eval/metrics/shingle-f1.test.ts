// Tests of the extraction metric against hand-computed shingle counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, scorePage, shingles } from './shingle-f1.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);

test('shingles are token 4-grams with counts, punctuation ignored, case kept', () => {
  assert.deepEqual([...shingles('a b, c d a b c d')], [
    ['a b c d', 2],
    ['b c d a', 1],
    ['c d a b', 1],
    ['d a b c', 1],
  ]);
  assert.equal(shingles('A b c d').has('a b c d'), false);
});

test('a text of 1..3 tokens is a single shingle; an empty text has none (as evaluate.py)', () => {
  assert.deepEqual([...shingles('Hello, world')], [['Hello world', 1]]);
  assert.equal(shingles(' ... ').size, 0);
});

test('hand-computed page: 5 gold shingles, 3 predicted, 2 shared', () => {
  // gold "a b c d e f g h": abcd bcde cdef defg efgh; predicted "x a b c d e": xabc abcd bcde.
  // tp = 2, fp = 1, fn = 3 -> normalised by 6.
  const score = scorePage('x a b c d e', 'a b c d e f g h');
  close(score.tp, 2 / 6);
  close(score.fp, 1 / 6);
  close(score.fn, 3 / 6);
});

test('repeated shingles count as a multiset', () => {
  const score = scorePage('a b c d. a b c d', 'a b c d');
  // predicted shingles: abcd x2, bcda, cdab, dabc -> tp 1, fp 4.
  close(score.tp, 1 / 5);
  close(score.fp, 4 / 5);
  close(score.fn, 0);
});

test('aggregate averages per page, skipping pages without predictions for precision', () => {
  const pages = [
    scorePage('x a b c d e', 'a b c d e f g h'), // P 2/3, R 2/5
    scorePage('', 'a b c d e'), // no prediction: counts for recall (0) only
    scorePage('a b c d', 'a b c d'), // P 1, R 1
  ];
  const { precision, recall, f1 } = aggregate(pages);
  close(precision, (2 / 3 + 1) / 2);
  close(recall, (2 / 5 + 0 + 1) / 3);
  close(f1, (2 * precision * recall) / (precision + recall));
});

test('aggregate of nothing is zero rather than NaN', () => {
  assert.deepEqual(aggregate([]), { precision: 0, recall: 0, f1: 0 });
});
