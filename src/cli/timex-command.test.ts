// End-to-end tests of `timex --ref ISO_DATE FILE`: the reference must be an ISO date, and the output is a JSON array.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../../test/helpers.js';

const TEXT = 'Bombs exploded Friday near the port, two years after the last attack. Talks resume next week.';

test('timex --ref: a date, or a date and time with an optional zone, resolves against that day', async (t) => {
  const file = join(tempDir(t), 'story.txt');
  writeFileSync(file, TEXT);
  for (const ref of ['1998-08-07', '1998-08-07T06:18', '1998-08-07T06:18:00Z', '1998-08-07T23:30:00+09:00', '1998-08-07T01:00-05:00']) {
    const result = await runCli(['timex', '--ref', ref, file]);
    assert.equal(result.code, 0, `${ref}: ${result.stderr}`);
    const found = JSON.parse(result.stdout) as { text: string; type: string; value: string }[];
    assert.deepEqual(
      found.map((e) => `${e.text}|${e.type}|${e.value}`),
      ['Friday|DATE|1998-08-07', 'two years|DURATION|P2Y', 'next week|DATE|1998-W33'],
      ref,
    );
  }
});

test('timex --ref: anything but an ISO date exits 2 and says what it expected', async (t) => {
  const file = join(tempDir(t), 'story.txt');
  writeFileSync(file, TEXT);
  for (const ref of ['Jan 5 2021', '2021-1-5', '20210105', '2021-02-30', '2021-01-05 10:00', '2021-01-05T10:00+0900', 'today', '1609804800000']) {
    const result = await runCli(['timex', '--ref', ref, file]);
    assert.equal(result.code, 2, `${ref} was accepted: ${result.stdout}`);
    assert.equal(result.stdout, '');
    assert.ok(result.stderr.includes(`--ref: expecting an ISO date such as 2021-01-08, instead found "${ref}"`), result.stderr);
  }
});
