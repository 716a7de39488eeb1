// `newsfuse reextract` end to end: summary lines, JSON, the recluster hint and chain, and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, tempDir } from '../../test/helpers.js';

const page = (n: number): string => `<!doctype html><html lang="en"><head><title>Bridge ${n} reopens</title></head><body>
<nav>Home | World</nav><article><h1>Bridge ${n} reopens</h1>
${Array.from({ length: 4 }, (_, i) => `<p>The river bridge ${n} reopened on Friday after repairs, and traffic moved again across it for the ${i + 1}th time this year, the city said.</p>`).join('\n')}
</article><footer>Copyright The River Post</footer></body></html>`;

test('reextract: dry run, a change written with the recluster hint, --recluster, and its errors', async (t) => {
  const dir = tempDir(t);
  for (let n = 1; n <= 2; n++) writeFileSync(join(dir, `bridge-${n}.html`), page(n));
  writeFileSync(join(dir, 'note.txt'), 'Market day moved\n\nThe weekly market moves to Thursday from next week because of the roadworks, the council said.\n');
  const db = join(dir, 'store.db');
  const ingest = await runCli(['ingest', dir, '--db', db, '--workers', '0']);
  assert.equal(ingest.code, 0, ingest.stderr);

  const raw = new Database(db);
  raw.prepare(`UPDATE articles SET text = 'Home | World ' || text WHERE source LIKE '%bridge-1.html'`).run();
  raw.close();

  const dry = await runCli(['reextract', '--db', db, '--dry-run', '--json']);
  assert.equal(dry.code, 0, dry.stderr);
  const summary = JSON.parse(dry.stdout) as Record<string, unknown>;
  assert.deepEqual([summary.pages, summary.changed, summary.unchanged, summary.failed, summary.dryRun, summary.withoutRawPage], [2, 1, 1, 0, true, 1]);
  assert.deepEqual(summary.fields, { text: 1 });

  const real = await runCli(['reextract', '--db', db]);
  assert.equal(real.code, 0, real.stderr);
  assert.match(real.stdout, /reextract: 2 raw pages, 1 changed \(text 1\), 1 unchanged, 0 failed; briefs of 1 stories marked stale/);
  assert.match(real.stdout, /1 stored articles have no raw page/);
  assert.match(real.stdout, /story assignment was not re-run; run `newsfuse recluster`/);

  const chained = await runCli(['reextract', '--db', db, '--recluster']);
  assert.equal(chained.code, 0, chained.stderr);
  assert.match(chained.stdout, /0 changed/);
  assert.match(chained.stdout, /^recluster: 3 articles, 0 changed story/m);

  const both = await runCli(['reextract', '--db', db, '--dry-run', '--recluster']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /give --dry-run or --recluster, not both/);
  const since = await runCli(['reextract', '--db', db, '--since', 'yesterday']);
  assert.equal(since.code, 2);
  assert.match(since.stderr, /--since expects an ISO 8601 date/);
  const story = await runCli(['reextract', '--db', db, '--story', '9999']);
  assert.equal(story.code, 1);
  assert.match(story.stderr, /instead found 9999, which is not a story/);
  const missing = await runCli(['reextract', '--db', join(dir, 'nope.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no store there yet/);
});
