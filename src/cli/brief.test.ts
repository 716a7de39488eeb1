// Tests for `newsfuse brief` and the brief cache, through the built CLI on a temp store of the seed pages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { runCli, SEEDS_DIR, tempDir, type CliResult } from '../../test/helpers.js';
import { BRIEF_CACHE_FORMAT } from '../brief/story-brief.js';

function ok(result: CliResult, what: string): CliResult {
  assert.equal(result.code, 0, `${what} exited ${result.code}\n${result.stderr}`);
  return result;
}

describe('brief and its cache', () => {
  const dir = tempDir();
  const db = join(dir, 'seeds.db');
  let story: number;
  const cacheRow = (): { story_version: number; format: string; brief: string } | undefined => {
    const handle = new Database(db, { readonly: true });
    try {
      return handle.prepare('SELECT story_version, format, brief FROM brief_cache WHERE story_id = ?').get(story) as never;
    } finally {
      handle.close();
    }
  };
  /** Write into the cached brief directly: output that shows the change came from the cache. */
  const tamper = (json: string): void => {
    const handle = new Database(db);
    handle.prepare('UPDATE brief_cache SET brief = ? WHERE story_id = ?').run(json, story);
    handle.close();
  };

  before(async () => {
    ok(await runCli(['ingest', SEEDS_DIR, '--db', db]), 'ingest');
    story = (JSON.parse(ok(await runCli(['stories', '--json', '--db', db]), 'stories').stdout) as { id: number }[])[0]!.id;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the first brief is built and cached; the second is read from the cache and prints the same', async () => {
    assert.equal(cacheRow(), undefined, 'ingest caches nothing');
    const first = ok(await runCli(['brief', String(story), '--format', 'json', '--db', db]), 'brief').stdout;
    const row = cacheRow();
    assert.ok(row, 'the brief was cached');
    assert.equal(row.format, BRIEF_CACHE_FORMAT);
    assert.deepEqual(JSON.parse(row.brief), JSON.parse(first));
    const second = ok(await runCli(['brief', String(story), '--format', 'json', '--db', db]), 'brief again').stdout;
    assert.equal(second, first);
    const md = ok(await runCli(['brief', String(story), '--db', db]), 'brief md').stdout;
    const mdFresh = ok(await runCli(['brief', String(story), '--no-cache', '--db', db]), 'brief md --no-cache').stdout;
    assert.equal(md, mdFresh, 'Markdown from the cached JSON equals Markdown from a fresh build');
  });

  test('a cached brief is what is printed, in every format; --no-cache builds afresh', async () => {
    ok(await runCli(['brief', String(story), '--format', 'json', '--db', db]), 'brief');
    const brief = JSON.parse(cacheRow()!.brief) as { story: { title: string } };
    brief.story.title = 'Marked in the cache';
    tamper(JSON.stringify(brief));
    assert.match(ok(await runCli(['brief', String(story), '--format', 'json', '--db', db]), 'brief').stdout, /Marked in the cache/);
    assert.match(ok(await runCli(['brief', String(story), '--db', db]), 'brief md').stdout, /^# Marked in the cache/);
    assert.doesNotMatch(ok(await runCli(['brief', String(story), '--no-cache', '--db', db]), 'brief --no-cache').stdout, /Marked in the cache/);
    assert.match(cacheRow()!.brief, /Marked in the cache/, '--no-cache leaves the cache as it was');
  });

  test('a story that changed is rebuilt, not served from the cache', async () => {
    tamper(JSON.stringify({ stale: true }));
    const handle = new Database(db);
    handle.prepare('UPDATE stories SET version = version + 1 WHERE id = ?').run(story);
    handle.close();
    const out = ok(await runCli(['brief', String(story), '--format', 'json', '--db', db]), 'brief').stdout;
    assert.ok(!('stale' in (JSON.parse(out) as object)));
    assert.equal(cacheRow()!.story_version, (() => {
      const h = new Database(db, { readonly: true });
      const v = h.prepare('SELECT version FROM stories WHERE id = ?').pluck().get(story) as number;
      h.close();
      return v;
    })(), 'the rebuilt brief is cached under the new version');
  });
  test('per-article analyses are kept: a rebuild reads them instead of analysing again', async () => {
    const handle = new Database(db);
    const count = (handle.prepare('SELECT count(*) FROM article_analysis').pluck().get() as number);
    assert.equal(count, 4, 'the four seeds were analysed once and kept');
    // A planted analysis shows that a rebuild takes what is stored.
    const [first] = handle.prepare('SELECT article_id, analysis FROM article_analysis ORDER BY article_id').all() as { article_id: number; analysis: string }[];
    const planted = JSON.parse(first!.analysis) as { quotes: { text: string }[] };
    planted.quotes = [{ ...(planted.quotes[0] ?? {}), text: 'a planted quote that no seed carries', kind: 'direct', start: 0, end: 5, speaker: null, cue: null, reportedBy: null } as never];
    handle.prepare('UPDATE article_analysis SET analysis = ? WHERE article_id = ?').run(JSON.stringify(planted), first!.article_id);
    handle.close();
    const rebuilt = JSON.parse(ok(await runCli(['brief', String(story), '--db', db, '--format', 'json', '--no-cache']), 'brief').stdout) as { quotes: { text: string }[] };
    assert.ok(rebuilt.quotes.some((q) => q.text === 'a planted quote that no seed carries'));
  });
});
