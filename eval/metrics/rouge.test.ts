// Hand-computed cases for ROUGE-1/2/L as rouge-score computes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lcsLength, rouge, rougeTokens } from './rouge.js';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

test('tokens: lowercase, non-alphanumerics split, stems only beyond 3 characters', () => {
  assert.deepEqual(rougeTokens("The U.S. cats' running-fast, 2021!"), ['the', 'u', 's', 'cat', 'run', 'fast', '2021']);
  // 'does' has 4 characters and is stemmed; 'was' and 'ies' (3) are left alone
  assert.deepEqual(rougeTokens('was ies does'), ['was', 'ies', 'doe']);
  // non-ASCII letters are separators, as in rouge-score
  assert.deepEqual(rougeTokens('café naïve'), ['caf', 'na', 've']);
  assert.deepEqual(rougeTokens('  '), []);
});

test('Porter stems that matter for news text', () => {
  assert.deepEqual(rougeTokens('ponies caresses relational generalizations'), ['poni', 'caress', 'relat', 'gener']);
});

test('rouge-score README example', () => {
  // scorer.score('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.')
  // rouge1: P = R = F = 6/8 = 0.75 ; rougeL: LCS = the quick brown jump the = 5 -> 0.625
  const scores = rouge('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.');
  close(scores.rouge1.precision, 0.75);
  close(scores.rouge1.recall, 6 / 9);
  close(scores.rouge1.fmeasure, (2 * 0.75 * (6 / 9)) / (0.75 + 6 / 9));
  close(scores.rougeL.precision, 5 / 8);
  close(scores.rougeL.recall, 5 / 9);
});

test('ROUGE-2 clips repeated bigrams', () => {
  // target bigrams: "a b" ×1, "b a" ×1 ; prediction bigrams: "a b" ×2, "b a" ×1 -> overlap min(2,1)+min(1,1) = 2
  const scores = rouge('a b a', 'a b a b');
  close(scores.rouge2.precision, 2 / 3);
  close(scores.rouge2.recall, 1);
  close(scores.rouge2.fmeasure, 0.8);
  // unigrams: target a2 b1, prediction a2 b2 -> overlap 3
  close(scores.rouge1.precision, 3 / 4);
  close(scores.rouge1.recall, 1);
});

test('empty prediction or target scores zero, not NaN', () => {
  const scores = rouge('some reference text', '');
  for (const s of [scores.rouge1, scores.rouge2, scores.rougeL]) assert.deepEqual(s, { precision: 0, recall: 0, fmeasure: 0 });
});

test('LCS length', () => {
  assert.equal(lcsLength(['a', 'b', 'c', 'b', 'd', 'a', 'b'], ['b', 'd', 'c', 'a', 'b', 'a']), 4);
  assert.equal(lcsLength([], ['a']), 0);
});
