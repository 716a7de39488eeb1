// End-to-end tests of the store commands (ingest, stories, brief) through `node bin/newsfuse.js` on temp stores.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, SEEDS_DIR, tempDir, type CliResult } from '../../test/helpers.js';

const SHARED = 'Some observers say North Korea is frustrated';

/** The "read N, new N, duplicate N, failed N" numbers of an ingest summary on stderr. */
function summaryOf(stderr: string): { read: number; new: number; duplicate: number; failed: number } {
  const match = /read (\d+), new (\d+), duplicate (\d+), failed (\d+)/.exec(stderr);
  assert.ok(match, `no ingest summary in stderr:\n${stderr}`);
  return { read: Number(match[1]), new: Number(match[2]), duplicate: Number(match[3]), failed: Number(match[4]) };
}

function ok(result: CliResult, what: string): CliResult {
  assert.equal(result.code, 0, `${what} exited ${result.code}\n${result.stderr}`);
  return result;
}

describe('ingest the seeds, then stories and brief', () => {
  const dir = tempDir();
  const db = join(dir, 'seeds.db');
  let first: CliResult;
  before(async () => {
    first = ok(await runCli(['ingest', SEEDS_DIR, '--db', db]), 'ingest');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('ingest reports four new articles and nothing failed', () => {
    assert.deepEqual(summaryOf(first.stderr), { read: 4, new: 4, duplicate: 0, failed: 0 });
    assert.equal(first.stdout, '', 'machine-readable output only; progress and summary go to stderr');
  });

  test('stories --json: an array of {id,title,articleCount,sourceCount,firstSeen,lastSeen}', async () => {
    const stories = JSON.parse(ok(await runCli(['stories', '--json', '--db', db]), 'stories').stdout) as Record<string, unknown>[];
    assert.ok(Array.isArray(stories) && stories.length >= 1);
    for (const story of stories) {
      assert.deepEqual(Object.keys(story).sort(), ['articleCount', 'firstSeen', 'id', 'lastSeen', 'sourceCount', 'title']);
      assert.equal(typeof story.id, 'number');
      assert.equal(typeof story.title, 'string');
      assert.ok((story.title as string).length > 0);
      assert.equal(typeof story.articleCount, 'number');
      assert.equal(typeof story.sourceCount, 'number');
      for (const key of ['firstSeen', 'lastSeen']) assert.ok(story[key] === null || !Number.isNaN(Date.parse(story[key] as string)));
    }
    const total = stories.reduce((sum, s) => sum + (s.articleCount as number), 0);
    assert.equal(total, 4);
  });

  test('the four seeds form one story with 4 articles from 4 sources', async () => {
    const stories = JSON.parse(ok(await runCli(['stories', '--json', '--db', db]), 'stories').stdout) as Record<string, unknown>[];
    assert.equal(stories.length, 1, `stories: ${JSON.stringify(stories.map((s) => [s.title, s.articleCount]))}`);
    assert.equal(stories[0]!.articleCount, 4);
    assert.equal(stories[0]!.sourceCount, 4);
    assert.equal(stories[0]!.firstSeen, '2021-01-08T21:17:00.000Z');
  });

  test('stories --query and --limit', async () => {
    const hit = JSON.parse(ok(await runCli(['stories', '--json', '--query', 'kim', '--db', db]), 'stories').stdout) as unknown[];
    assert.ok(hit.length >= 1);
    const miss = JSON.parse(ok(await runCli(['stories', '--json', '--query', 'volcano', '--db', db]), 'stories').stdout) as unknown[];
    assert.deepEqual(miss, []);
    const limited = JSON.parse(ok(await runCli(['stories', '--json', '--limit', '1', '--db', db]), 'stories').stdout) as unknown[];
    assert.equal(limited.length, 1);
    const bad = await runCli(['stories', '--limit', 'zero', '--db', db]);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--limit: expecting a positive whole number, instead found "zero"/);
  });

  test('brief top --format json: story, sources, summary and the shared "Some observers say" passage with offsets', async () => {
    const brief = JSON.parse(ok(await runCli(['brief', 'top', '--format', 'json', '--db', db]), 'brief').stdout) as {
      story: { id: number; articleCount: number };
      sources: { ref: number; source: string }[];
      summary: { text: string; ref: number }[];
      passages: { carriers: { ref: number; start: number; end: number }[]; words: number; text: string }[];
    };
    assert.deepEqual(Object.keys(brief).sort(), ['agencies', 'claims', 'conflicts', 'entities', 'notes', 'passages', 'quotes', 'singleSourceClaims', 'sources', 'story', 'summary', 'timeline', 'version']);
    assert.equal(brief.sources.length, brief.story.articleCount);
    assert.ok(brief.summary.length > 0);
    const shared = brief.passages.find((p) => p.text.startsWith(SHARED));
    assert.ok(shared, `no passage starting "${SHARED}"`);
    const refs = shared.carriers.map((c) => brief.sources.find((s) => s.ref === c.ref)!.source.split('/').pop()!.slice(0, 3));
    assert.deepEqual(refs.sort(), ['000', '001']);
    assert.ok(shared.words >= 50);
    assert.ok(shared.carriers.some((c) => c.end - c.start === shared.text.length), 'the text is one carrier\'s span');
  });

  test('brief top --format md includes the shared passage, and a bad story id is explained', async () => {
    const md = ok(await runCli(['brief', 'top', '--format', 'md', '--db', db]), 'brief').stdout;
    assert.match(md, /^# /);
    assert.ok(md.includes(SHARED));
    assert.ok(md.includes('## Sources'));
    const missing = await runCli(['brief', '999', '--db', db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no story 999/);
    const bad = await runCli(['brief', 'latest', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /expecting a story id/);
  });

  test('recluster: the seeds stay one story, nothing moves; a bad --since is refused with exit 2', async () => {
    const again = JSON.parse(ok(await runCli(['recluster', '--json', '--db', db]), 'recluster').stdout) as Record<string, number>;
    assert.deepEqual(again, { articles: 4, reassigned: 4, moved: 0, storiesBefore: 1, storiesAfter: 1, merged: 0 });
    const since = ok(await runCli(['recluster', '--since', '2021-01-08', '--db', db]), 'recluster --since');
    assert.match(since.stdout, /^recluster: 4 articles, \d assigned again, 0 changed story; stories 1 -> 1\n$/);
    const bad = await runCli(['recluster', '--since', 'last week', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since expects an ISO 8601 date/);
  });

  test('re-ingesting the seeds adds nothing: new 0, duplicate 4', async () => {
    const before = ok(await runCli(['stories', '--json', '--db', db]), 'stories').stdout;
    const again = ok(await runCli(['ingest', SEEDS_DIR, '--db', db]), 'ingest again');
    assert.deepEqual(summaryOf(again.stderr), { read: 4, new: 0, duplicate: 4, failed: 0 });
    assert.equal(ok(await runCli(['stories', '--json', '--db', db]), 'stories').stdout, before);
  });
});

test('brief on a missing or an empty store says to ingest first, and creates nothing', async (t) => {
  const dir = tempDir(t);
  const missing = join(dir, 'missing.db');
  const absent = await runCli(['brief', 'top', '--db', missing]);
  assert.equal(absent.code, 1);
  assert.match(absent.stderr, /missing\.db: no store there yet; run `newsfuse ingest PATH/);
  assert.equal(existsSync(missing), false, 'a read-only command does not create a store');

  const empty = join(dir, 'empty.db');
  const emptyFolder = join(dir, 'nothing');
  mkdirSync(emptyFolder);
  assert.equal((await runCli(['ingest', emptyFolder, '--db', empty])).code, 0);
  const result = await runCli(['brief', 'top', '--db', empty]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /holds no story yet/);
});

test('a bad input batch: one message per problem naming the file (and line), good articles ingested', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'input');
  const db = join(dir, 'bad.db');
  mkdirSync(input);
  writeFileSync(join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(input, 'empty.txt'), '');
  writeFileSync(
    join(input, 'latin1.txt'),
    Buffer.concat([
      Buffer.from('Mayor opens caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n\nThe new caf'),
      Buffer.from([0xe9]),
      Buffer.from(' in the old town served coffee to the mayor and his guests on Monday, officials said after the opening.\n'),
    ]),
  );
  const good = (id: string, title: string, text: string) => JSON.stringify({ id, title, text, published: '2021-01-05T10:00:00Z' });
  writeFileSync(
    join(input, 'batch.jsonl'),
    [
      good('g1', 'Floods hit the valley', 'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.'),
      '{"id": "g2", "title": "broken',
      good('g3', 'Council passes budget', 'The city council approved a new budget for schools and roads after a long debate on Tuesday evening.'),
      good('g4', 'Team wins cup', 'The home team won the football cup final with a late goal, and thousands of fans celebrated in the streets.'),
    ].join('\n') + '\n',
  );
  const result = await runCli(['ingest', input, '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(summaryOf(result.stderr), { read: 4, new: 4, duplicate: 0, failed: 3 });

  const lines = result.stderr.split('\n');
  const naming = (needle: string) => lines.filter((line) => line.includes(needle));
  assert.equal(naming('binary.txt').length, 1, result.stderr);
  assert.match(naming('binary.txt')[0]!, /binary/);
  assert.equal(naming('empty.txt').length, 1, result.stderr);
  assert.match(naming('empty.txt')[0]!, /empty/);
  assert.equal(naming('batch.jsonl').length, 1, result.stderr);
  assert.ok(naming('batch.jsonl')[0]!.includes('batch.jsonl:2'), 'the JSONL message names the line');

  const stories = JSON.parse(ok(await runCli(['stories', '--json', '--db', db]), 'stories').stdout) as { articleCount: number; title: string }[];
  assert.equal(stories.reduce((sum, s) => sum + s.articleCount, 0), 4);
  assert.ok(stories.some((s) => s.title === 'Floods hit the valley'));
  assert.ok(stories.some((s) => s.title.includes('café')), 'the windows-1252 file is read with its accent');
});

test('a bad input batch: the encoding guess is reported naming the file', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'latin1.txt');
  writeFileSync(file, Buffer.concat([Buffer.from('The caf'), Buffer.from([0xe9]), Buffer.from(' in the old town served coffee to the mayor and his guests on Monday, officials said.\n')]));
  const result = ok(await runCli(['ingest', file, '--db', join(dir, 'enc.db')]), 'ingest');
  assert.deepEqual(summaryOf(result.stderr), { read: 1, new: 1, duplicate: 0, failed: 0 });
  const naming = result.stderr.split('\n').filter((line) => line.includes('latin1.txt'));
  assert.equal(naming.length, 1, `expected one stderr line naming latin1.txt and the encoding guess, found:\n${result.stderr}`);
  assert.match(naming[0]!, /windows-1252|encoding/);
});

test('ingest of a missing path fails with exit 1 and names it', async (t) => {
  const dir = tempDir(t);
  const missing = join(dir, 'nowhere');
  rmSync(missing, { force: true });
  const result = await runCli(['ingest', missing, '--db', join(dir, 'm.db')]);
  assert.equal(result.code, 1);
  assert.ok(result.stderr.includes(`${missing}: no such file or folder`), result.stderr);
});
