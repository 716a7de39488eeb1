// End-to-end test of `newsfuse same-claim --input PAIRS.jsonl`: one answer per good pair in order, bad lines named on stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runCli, tempDir } from '../../test/helpers.js';
import { sameClaim } from '../brief/claims/same-claim.js';

const RAISE = 'The central bank raised its main interest rate by half a point on Thursday to fight rising prices.';
const RAISE_TOO = 'To fight rising prices, the central bank on Thursday raised its main interest rate by half a point.';
const STADIUM = 'Fans queued for hours outside the new stadium before the first match of the season.';

test('same-claim --input: {"id","sameClaim","score"} per pair in input order, exactly sameClaim(); bad lines reported and skipped', async (t) => {
  const lines = [
    JSON.stringify({ id: 'same', a: { text: RAISE }, b: { text: RAISE_TOO } }),
    'not json',
    JSON.stringify({ id: 'different', a: { text: RAISE }, b: { text: STADIUM } }),
    JSON.stringify({ id: 'no-b', a: { text: RAISE } }),
    JSON.stringify({ id: 'empty', a: { text: RAISE }, b: { text: '  ' } }),
    JSON.stringify({ a: { text: RAISE_TOO }, b: { text: RAISE } }),
  ];
  const file = join(tempDir(t), 'pairs.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const result = await runCli(['same-claim', '--input', file]);
  assert.equal(result.code, 0, result.stderr);
  const out = jsonLines(result.stdout);
  // A record without an id is named by its line number, as in `similarity`.
  assert.deepEqual(out.map((line) => line.id), ['same', 'different', 6]);
  for (const line of out) {
    assert.deepEqual(Object.keys(line), ['id', 'sameClaim', 'score']);
    assert.ok((line.score as number) >= 0 && (line.score as number) <= 1);
  }
  const expected = [sameClaim(RAISE, RAISE_TOO), sameClaim(RAISE, STADIUM), sameClaim(RAISE_TOO, RAISE)];
  out.forEach((line, i) => {
    assert.equal(line.sameClaim, expected[i]!.sameClaim);
    assert.ok(Math.abs((line.score as number) - expected[i]!.score) < 1e-6);
  });
  assert.equal(out[0]!.sameClaim, true);
  assert.equal(out[1]!.sameClaim, false);
  assert.match(result.stderr, /pairs\.jsonl:2: expecting a JSON object, instead found malformed JSON/);
  assert.match(result.stderr, /pairs\.jsonl:4: b: expecting \{"text": "\.\.\."\}/);
  assert.match(result.stderr, /pairs\.jsonl:5: b: expecting \{"text": "\.\.\."\}/);
});

test('same-claim --input: a file of bad lines only exits 1 and prints nothing', async (t) => {
  const file = join(tempDir(t), 'pairs.jsonl');
  writeFileSync(file, '{"id": 1, "a": {"text": 5}, "b": {"text": "x"}}\n');
  const result = await runCli(['same-claim', '--input', file]);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /pairs\.jsonl:1: a: expecting/);
});
