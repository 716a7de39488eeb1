// A kill -9 in the middle of `ingest` keeps every committed batch, leaves the store consistent, and a re-run completes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CLI, runCli, seededRandom, tempDir } from '../../test/helpers.js';

const WORDS = 'council river bridge budget school hospital election storm market police court harbour factory strike vaccine rail airport museum'.split(' ');

/** Synthetic articles: each a distinct text, so none is a duplicate of another. */
function corpus(count: number): string {
  const random = seededRandom(7);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 60 }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    lines.push(JSON.stringify({ id: `a${i}`, title: `Report ${i} on the ${words[0]}`, text: `${words.join(' ')} number ${i}.`, published: 1_600_000_000_000 + i * 60_000 }));
  }
  return `${lines.join('\n')}\n`;
}

test('kill -9 mid-ingest: committed batches survive, nothing half-written, a re-run finishes the job', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'corpus.jsonl');
  const db = join(dir, 'store.db');
  const total = 4000;
  writeFileSync(input, corpus(total));

  const child = spawn(process.execPath, [CLI, 'ingest', input, '--db', db, '--no-progress'], { stdio: 'ignore' });
  // Wait until at least one batch is committed, then kill without warning.
  const deadline = Date.now() + 30_000;
  let committed = 0;
  while (Date.now() < deadline && child.exitCode === null) {
    await new Promise((done) => setTimeout(done, 100));
    try {
      const probe = new Database(db, { readonly: true, fileMustExist: true });
      committed = (probe.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      probe.close();
    } catch {
      committed = 0; // not created yet
    }
    if (committed > 0) break;
  }
  child.kill('SIGKILL');
  await new Promise((done) => child.once('exit', done));
  assert.ok(committed > 0, 'a batch was committed before the kill');

  const store = new Database(db);
  assert.equal(store.pragma('integrity_check', { simple: true }), 'ok');
  const articles = (store.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const storyTotal = (store.prepare('SELECT coalesce(sum(article_count), 0) AS n FROM stories').get() as { n: number }).n;
  const orphans = (store.prepare('SELECT count(*) AS n FROM articles WHERE story_id NOT IN (SELECT id FROM stories)').get() as { n: number }).n;
  store.close();
  assert.ok(articles < total, `the kill came before the end (${articles} of ${total} stored)`);
  assert.equal(articles % 200, 0, 'only whole batches of 200 are stored');
  assert.equal(storyTotal, articles, 'story counts agree with the articles stored');
  assert.equal(orphans, 0);

  const rerun = await runCli(['ingest', input, '--db', db], { timeoutMs: 120_000 });
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`read ${total}, new ${total - articles}, duplicate ${articles}, failed 0`));
});
