// Hand-made cases for MEANTIME name matching: exact needs the core inside the gold range, lenient an overlap with the core, neutral mentions are not counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchDocument, mentionScores, normaliseType, type GoldName } from './entity-match.js';

// "the US Treasury said" : gold range 0-15 ("the US Treasury"), core 4-15 ("US Treasury").
const treasury: GoldName = { start: 0, end: 15, core: [4, 15], type: 'ORG', instance: 'T' };

test('exact: inside the gold range and covering the core; identical: the gold range itself', () => {
  assert.deepEqual(matchDocument([treasury], [{ start: 4, end: 15, type: 'ORG' }], []).counts, { gold: 1, system: 1, exact: 1, lenient: 1, identical: 0 });
  assert.deepEqual(matchDocument([treasury], [{ start: 0, end: 15, type: 'ORG' }], []).counts, { gold: 1, system: 1, exact: 1, lenient: 1, identical: 1 });
  // "US" alone: overlaps the core (lenient) but does not cover it (not exact).
  assert.deepEqual(matchDocument([treasury], [{ start: 4, end: 6, type: 'ORG' }], []).counts, { gold: 1, system: 1, exact: 0, lenient: 1, identical: 0 });
  // Past the gold range: not exact.
  assert.equal(matchDocument([treasury], [{ start: 4, end: 20, type: 'ORG' }], []).counts.exact, 0);
});

test('a type mismatch matches nothing and counts as a system mention', () => {
  assert.deepEqual(matchDocument([treasury], [{ start: 4, end: 15, type: 'LOC' }], []).counts, { gold: 1, system: 1, exact: 0, lenient: 0, identical: 0 });
});

test('one-to-one, greedily by characters shared with the core', () => {
  const gold: GoldName[] = [{ start: 0, end: 11, core: [0, 11], type: 'PER' }];
  const { counts, lenient } = matchDocument(gold, [{ start: 0, end: 5, type: 'PER' }, { start: 0, end: 11, type: 'PER' }], []);
  assert.deepEqual(counts, { gold: 1, system: 2, exact: 1, lenient: 1, identical: 1 });
  assert.deepEqual([...lenient], [[1, 0]]);
});

test('unmatched mentions on neutral or non-core text are left out; elsewhere they are false positives', () => {
  // Neutral range 20-30 (a product, say), and the non-core "the " of the gold range.
  const onNeutral = matchDocument([treasury], [{ start: 4, end: 15, type: 'ORG' }, { start: 22, end: 26, type: 'ORG' }], [[20, 30]]);
  assert.equal(onNeutral.counts.system, 1);
  const onArticle = matchDocument([treasury], [{ start: 4, end: 15, type: 'ORG' }, { start: 0, end: 3, type: 'ORG' }], []);
  assert.equal(onArticle.counts.system, 1);
  const elsewhere = matchDocument([treasury], [{ start: 4, end: 15, type: 'ORG' }, { start: 40, end: 44, type: 'ORG' }], [[20, 30]]);
  assert.equal(elsewhere.counts.system, 2);
  // A second mention on the core (unmatched, since the gold is taken) still counts: it overlaps a gold core.
  const twice = matchDocument([treasury], [{ start: 4, end: 15, type: 'ORG' }, { start: 7, end: 15, type: 'ORG' }], []);
  assert.equal(twice.counts.system, 2);
});

test('scores from counts, and type spellings', () => {
  const scores = mentionScores({ gold: 4, system: 2, exact: 1, lenient: 2, identical: 0 });
  assert.equal(scores.exactP, 0.5);
  assert.equal(scores.exactR, 0.25);
  assert.ok(Math.abs(scores.exactF1! - 1 / 3) < 1e-12);
  assert.equal(scores.lenientF1, 2 / 3);
  assert.equal(normaliseType('person'), 'PER');
  assert.equal(normaliseType('MISC'), undefined);
});
