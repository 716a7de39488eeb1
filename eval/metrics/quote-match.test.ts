// Tests of the quote matching metric: ratio threshold, one-to-one matching, speaker and direct counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDirect, overlapRatio, quoteScores, scoreArticle } from './quote-match.js';

test('overlap ratio over discontinuous gold ranges', () => {
  assert.equal(overlapRatio([[0, 10]], 0, 10), 1);
  assert.equal(overlapRatio([[0, 10]], 5, 15), 5 / 15);
  assert.equal(overlapRatio([[0, 4], [6, 10]], 0, 10), 8 / 10);
});

test('one-to-one matching from the highest ratio; speaker overlap; direct marks', () => {
  const text = '"Hello there friends," Ann said. Bob said the plan works.';
  const gold = [
    { content: [[0, 22]] as [number, number][], source: [[23, 26]] as [number, number][], cue: [[27, 31]] as [number, number][] },
    { content: [[42, 56]] as [number, number][], source: [[33, 36]] as [number, number][], cue: null },
  ];
  const system = [
    { start: 0, end: 22, speaker: { start: 23, end: 26 }, cue: { start: 27, end: 31 } },
    { start: 1, end: 20, speaker: null, cue: null },
    { start: 42, end: 56, speaker: { start: 0, end: 3 }, cue: null },
  ];
  const counts = scoreArticle(text, gold, system);
  assert.equal(counts.matched, 2);
  assert.equal(counts.speakerRight, 1);
  assert.equal(counts.cueRight, 1);
  assert.equal(counts.directGold, 1);
  assert.equal(counts.directSystem, 1);
  const scores = quoteScores(counts);
  assert.equal(scores.precision, 2 / 3);
  assert.equal(scores.recall, 1);
  assert.equal(scores.directP, 1);
  assert.ok(isDirect("''Yes''") && !isDirect('plain'));
});
