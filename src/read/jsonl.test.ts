// Tests for the JSONL reader: our and news-please field names, dates, and per-line failures that do not stop the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { ReadResult } from '../article.js';
import { needsSharedData, SHARED_DATA_DIR, tempDir } from '../../test/helpers.js';
import { inputFromRecord, normalizePublished, readJsonl } from './jsonl.js';

async function readAll(file: string): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readJsonl(file)) results.push(result);
  return results;
}

const TEXT = 'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.';

test('our field names map to the article input', () => {
  const input = inputFromRecord({
    id: 'a1',
    url: 'https://example.org/a1',
    outlet: 'Example Times',
    title: 'Floods hit the valley',
    text: TEXT,
    published: '2021-01-05T10:00:00Z',
    language: 'en',
    authors: ['Ann Lee', 'Bo Kim'],
  });
  assert.ok(typeof input !== 'string');
  assert.deepEqual(input, {
    id: 'a1',
    url: 'https://example.org/a1',
    outlet: 'Example Times',
    title: 'Floods hit the valley',
    text: TEXT,
    html: undefined,
    published: '2021-01-05T10:00:00.000Z',
    language: 'en',
    authors: ['Ann Lee', 'Bo Kim'],
  });
});

test('news-please names: maintext, date_publish, source_domain', () => {
  const input = inputFromRecord({ maintext: TEXT, date_publish: '2021-01-06 09:30:00', source_domain: 'example.com', title: 'Budget', authors: 'Ann Lee, Bo Kim' });
  assert.ok(typeof input !== 'string');
  assert.equal(input.text, TEXT);
  assert.equal(input.outlet, 'example.com');
  assert.equal(input.published, '2021-01-06T09:30:00.000Z');
  assert.deepEqual(input.authors, ['Ann Lee', 'Bo Kim']);
});

test('published: epoch milliseconds (number or digit string) and ISO strings become ISO 8601', () => {
  assert.equal(normalizePublished(1610000000000), '2021-01-07T06:13:20.000Z');
  assert.equal(normalizePublished('1610000000000'), '2021-01-07T06:13:20.000Z');
  assert.equal(normalizePublished('2021-01-08T21:17:00Z'), '2021-01-08T21:17:00.000Z');
  assert.equal(normalizePublished('2021-01-08T21:17:00+09:00'), '2021-01-08T12:17:00.000Z');
  assert.equal(normalizePublished('2021-01-08'), '2021-01-08T00:00:00.000Z');
  assert.equal(normalizePublished('not a date'), undefined);
  assert.equal(normalizePublished(null), undefined);
  assert.equal(normalizePublished(''), undefined);
});

test('a record without text, maintext, html or title is refused with a reason', () => {
  const reason = inputFromRecord({ id: 'x', url: 'https://example.org', published: 1610000000000 });
  assert.equal(typeof reason, 'string');
  assert.match(reason as string, /text/);
  assert.match(inputFromRecord([1, 2]) as string, /array/);
  assert.match(inputFromRecord(null) as string, /null/);
  assert.match(inputFromRecord('text') as string, /string/);
});

test('readJsonl: a malformed line fails with file and line, and the lines after it still read', async (t) => {
  const file = join(tempDir(t), 'mixed.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({ id: 'g1', title: 'Floods hit the valley', text: TEXT, published: 1610000000000 }),
      '{"id": "bad", "title": broken',
      '',
      JSON.stringify({ id: 'g2', maintext: TEXT, date_publish: '2021-01-06T09:30:00Z', source_domain: 'example.com' }),
      JSON.stringify({ id: 'g3', url: 'https://example.org/no-text' }),
      JSON.stringify({ id: 'g4', title: 'Title only item' }),
    ].join('\n') + '\n',
  );
  const results = await readAll(file);
  assert.equal(results.length, 5, 'one result per non-blank line');

  const [r1, r2, r3, r4, r5] = results;
  assert.ok(r1!.ok && r1.article.id === 'g1');
  assert.ok(r1.ok && r1.article.published === '2021-01-07T06:13:20.000Z');

  assert.ok(!r2!.ok);
  assert.deepEqual(r2.failure.source, { file, line: 2 });
  assert.equal(r2.failure.rule, 'read:json');

  assert.ok(r3!.ok, 'the line after a broken one still reads');
  assert.equal(r3.article.id, 'g2');
  assert.equal(r3.article.outlet, 'example.com');
  assert.equal(r3.article.text, TEXT);
  assert.equal(r3.article.where, `${file}:4`);

  assert.ok(!r4!.ok);
  assert.deepEqual(r4.failure.source, { file, line: 5 });
  assert.equal(r4.failure.rule, 'read:fields');

  assert.ok(r5!.ok && r5.article.title === 'Title only item');
});

test('readJsonl: a gzipped file and a leading BOM read the same', async (t) => {
  const dir = tempDir(t);
  const line = JSON.stringify({ id: 'z1', text: TEXT });
  const file = join(dir, 'a.jsonl.gz');
  writeFileSync(file, gzipSync(Buffer.from(`\uFEFF${line}\n`, 'utf8')));
  const results = await readAll(file);
  assert.equal(results.length, 1);
  assert.ok(results[0]!.ok && results[0].article.id === 'z1' && results[0].article.text === TEXT);
});

test('readJsonl: text holding U+FFFD gets a read:encoding message', async (t) => {
  const file = join(tempDir(t), 'fffd.jsonl');
  writeFileSync(file, JSON.stringify({ id: 'f', text: `caf\uFFFD ${TEXT}` }) + '\n');
  const [result] = await readAll(file);
  assert.ok(result?.ok);
  assert.deepEqual(result.article.messages.map((m) => m.rule), ['read:encoding']);
});

test('shared data: every UCI headline line reads as a title-only article with an ISO publish time', { skip: needsSharedData('uci/uci-titles-dev.jsonl') }, async () => {
  const results = await readAll(join(SHARED_DATA_DIR, 'uci', 'uci-titles-dev.jsonl'));
  assert.ok(results.length > 2000);
  const failures = results.filter((r) => !r.ok);
  assert.deepEqual(failures, []);
  for (const r of results.slice(0, 200)) {
    assert.ok(r.ok && r.article.title && r.article.title.length > 0);
    assert.ok(r.ok && r.article.published && /^\d{4}-\d\d-\d\dT/.test(r.article.published));
  }
});
