// Tests of the WARC reader: responses -> articles, skipped records counted, corrupt and cut-short records, the extraction figure through a WARC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ReadResult } from '../article.js';
import { prepare } from '../pipeline.js';
import { needsSharedData, runCli, SHARED_DATA_DIR, tempDir } from '../../test/helpers.js';
import { requestRecord, responseRecord, warcFile, warcinfoRecord, warcRecord } from '../../test/warc-builder.js';
import { aggregate, scorePage } from '../../eval/metrics/shingle-f1.js';
import { readDocument, readPaths } from './files.js';
import { readWarc, type WarcSkips } from './warc.js';

async function collect(file: string): Promise<{ results: ReadResult[]; skips: WarcSkips[] }> {
  const skips: WarcSkips[] = [];
  const results: ReadResult[] = [];
  for await (const result of readWarc(file, { onSkipped: (s) => skips.push(s) })) results.push(result);
  return { results, skips };
}

const prose = (topic: string): string =>
  Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1} on the ${topic}: the council met on Tuesday and voted, after a long debate, to fund the plan for another year.</p>`).join('');
const page = (title: string, topic: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1>${prose(topic)}</article></body></html>`;

/** A small crawl: warcinfo, and for each of three pages a request and a response; an image and a 404 between. */
function crawl(): Buffer[] {
  return [
    warcinfoRecord(),
    requestRecord('https://news.example/harbour'),
    responseRecord({ url: 'https://news.example/harbour', body: page('Harbour plan approved', 'harbour') }),
    responseRecord({ url: 'https://news.example/logo.png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), contentType: 'image/png' }),
    requestRecord('https://news.example/ferry'),
    responseRecord({ url: 'https://news.example/ferry', body: page('Ferry moves to a new pier', 'ferry', '<meta property="article:published_time" content="2021-01-06T08:00:00Z">') }),
    responseRecord({ url: 'https://news.example/missing', body: '<html><body>Not found</body></html>', status: 404 }),
    responseRecord({ url: 'https://news.example/bridge', body: page('Bridge reopens after repairs', 'bridge') }),
  ];
}

for (const gzip of [true, false]) {
  test(`readWarc (${gzip ? 'record-gzipped .warc.gz' : 'plain .warc'}): each HTML response is an article with its URL; other records are skipped and counted`, async (t) => {
    const file = join(tempDir(t), gzip ? 'crawl.warc.gz' : 'crawl.warc');
    writeFileSync(file, warcFile(crawl(), { gzip }));
    const { results, skips } = await collect(file);
    assert.equal(results.length, 3);
    assert.ok(results.every((r) => r.ok));
    const articles = results.map((r) => (r.ok ? prepare(r.article, ['clean', 'describe']) : undefined)!);
    assert.deepEqual(articles.map((a) => a.url), ['https://news.example/harbour', 'https://news.example/ferry', 'https://news.example/bridge']);
    assert.deepEqual(articles.map((a) => a.source.record), [3, 6, 8]);
    assert.equal(articles[0]!.title, 'Harbour plan approved');
    assert.match(articles[0]!.text, /Paragraph 5 on the harbour/);
    assert.equal(articles[0]!.outlet, 'news.example');
    assert.equal(articles[0]!.provenance.outlet, 'host');
    // No date on the page: the crawl time stands in, and says so.
    assert.equal(articles[0]!.published, '2021-01-08T09:00:00.000Z');
    assert.equal(articles[0]!.provenance.published, 'http');
    assert.ok(articles[0]!.messages.some((m) => m.rule === 'describe:crawl-date'));
    // A date on the page wins over the crawl time.
    assert.equal(articles[1]!.published, '2021-01-06T08:00:00.000Z');
    assert.equal(articles[1]!.provenance.published, 'meta');
    assert.equal(skips.length, 1);
    assert.deepEqual(Object.fromEntries(skips[0]!.counts), { warcinfo: 1, request: 2, 'non-HTML response': 1, 'HTTP 404 response': 1 });
  });
}

test('readWarc: a corrupt gzip member gives one failure naming file, record and byte; the records after it are read', async (t) => {
  const members = crawl().map((r) => Buffer.from(warcFile([r], { gzip: true })));
  // Damage the deflate data of the ferry response (record 6), keeping its gzip header intact.
  const bad = members[5]!;
  for (let i = 12; i < 40; i++) bad[i] = bad[i]! ^ 0x5a;
  const file = join(tempDir(t), 'damaged.warc.gz');
  writeFileSync(file, Buffer.concat(members));
  const { results } = await collect(file);
  const failures = results.filter((r) => !r.ok);
  assert.equal(failures.length, 1);
  const failure = !failures[0]!.ok ? failures[0]!.failure : undefined;
  assert.equal(failure?.rule, 'read:warc');
  assert.equal(failure?.source.file, file);
  assert.equal(failure?.source.record, 6);
  assert.match(failure?.reason ?? '', /record 6 at byte \d+: .*corrupt gzip member; skipped \d+ bytes to the next record/);
  const urls = results.flatMap((r) => (r.ok ? [r.article.url] : []));
  assert.deepEqual(urls, ['https://news.example/harbour', 'https://news.example/bridge']);
});

for (const gzip of [true, false]) {
  test(`readWarc (${gzip ? 'gzipped' : 'plain'}): a file cut short inside its last record gives one failure for that record; the others are read`, async (t) => {
    const whole = warcFile(crawl(), { gzip });
    const file = join(tempDir(t), gzip ? 'cut.warc.gz' : 'cut.warc');
    writeFileSync(file, whole.subarray(0, whole.length - 120));
    const { results } = await collect(file);
    const failures = results.flatMap((r) => (r.ok ? [] : [r.failure]));
    assert.equal(failures.length, 1, JSON.stringify(failures));
    assert.equal(failures[0]!.source.record, 8);
    assert.match(failures[0]!.reason, /record 8 at byte \d+/);
    assert.deepEqual(results.flatMap((r) => (r.ok ? [r.article.url] : [])), ['https://news.example/harbour', 'https://news.example/ferry']);
  });
}

test('readWarc: the HTTP charset is the encoding hint, above the page\'s own <meta>', async (t) => {
  // "Zürich café" in windows-1252, and a page whose <meta> wrongly says UTF-8.
  const body = Buffer.concat([
    Buffer.from('<html><head><meta charset="utf-8"><title>Z'),
    Buffer.from([0xfc]),
    Buffer.from('rich caf'),
    Buffer.from([0xe9]),
    Buffer.from(' opens</title></head><body>' + prose('caf') + '</body></html>'),
  ]);
  const file = join(tempDir(t), 'latin.warc');
  writeFileSync(file, warcFile([responseRecord({ url: 'https://news.example/cafe', body, contentType: 'text/html; charset=windows-1252' })]));
  const { results } = await collect(file);
  assert.equal(results.length, 1);
  const article = results[0]!.ok ? prepare(results[0]!.article, ['clean', 'describe']) : undefined;
  assert.equal(article?.title, 'Zürich café opens');
  assert.ok(!article?.messages.some((m) => m.rule === 'read:encoding'), 'the header decides; no guess');
});

test('readWarc: a response larger than a page can be is refused with one message; the next record is read', async (t) => {
  const huge = Buffer.alloc(33 * 1024 * 1024, 0x61);
  const file = join(tempDir(t), 'huge.warc');
  writeFileSync(file, warcFile([responseRecord({ url: 'https://news.example/huge', body: huge }), responseRecord({ url: 'https://news.example/bridge', body: page('Bridge reopens', 'bridge') })]));
  const { results } = await collect(file);
  assert.equal(results.length, 2);
  assert.equal(!results[0]!.ok && results[0]!.failure.rule, 'read:too-large');
  assert.match(!results[0]!.ok ? results[0]!.failure.reason : '', /record 1 at byte 0: the response is 33 MiB/);
  assert.equal(results[1]!.ok && results[1]!.article.url, 'https://news.example/bridge');
});

test('readWarc: a file that is not a WARC, and an empty one, give a message each and no article', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'text.warc'), 'this is just a line of text\nand another\n');
  writeFileSync(join(dir, 'empty.warc.gz'), '');
  writeFileSync(join(dir, 'odd.warc'), warcRecord('bogus', 'https://x.example', Buffer.from('hello')));
  for (const name of ['text.warc', 'empty.warc.gz', 'odd.warc']) {
    const { results } = await collect(join(dir, name));
    assert.ok(results.length >= 1, `${name}: a message`);
    assert.ok(results.every((r) => !r.ok), `${name}: no article`);
  }
});

test('extract and ingest take WARC files (and folders holding them) with per-record messages and the summary line', async (t) => {
  const dir = tempDir(t);
  const members = crawl().map((r) => Buffer.from(warcFile([r], { gzip: true })));
  const bad = members[5]!;
  for (let i = 12; i < 40; i++) bad[i] = bad[i]! ^ 0x5a;
  writeFileSync(join(dir, 'CC-NEWS-20210108-00001.warc.gz'), Buffer.concat(members));
  const extract = await runCli(['extract', dir, '--format', 'jsonl']);
  assert.equal(extract.code, 0, extract.stderr);
  const rows = extract.stdout.trim().split('\n').map((l) => JSON.parse(l) as { url: string; record: number });
  assert.deepEqual(rows.map((r) => [r.record, r.url]), [[3, 'https://news.example/harbour'], [8, 'https://news.example/bridge']]);
  assert.match(extract.stderr, /CC-NEWS-20210108-00001\.warc\.gz#6: record 6 at byte \d+: .*corrupt gzip member/);
  assert.match(extract.stderr, /5 records skipped, not HTML pages \(2 request, 1 HTTP 404 response, 1 non-HTML response, 1 warcinfo\)/);
  const db = join(tempDir(t), 'store.db');
  const ingest = await runCli(['ingest', dir, '--db', db]);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.match(ingest.stderr, /read 2, new 2, duplicate 0, failed 1/);
  assert.match(ingest.stderr, /skipped 5 WARC records that are not HTML pages/);
  assert.match(ingest.stderr, /failed: .*#6: record 6 at byte/);
});

test('shared data: the extraction dev pages read through a WARC give the same extraction figure as read directly', { skip: needsSharedData('extraction/html') }, async (t) => {
  const folder = join(SHARED_DATA_DIR, 'extraction');
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  const ids = readdirSync(join(folder, 'html'))
    .filter((n) => n.endsWith('.html.gz'))
    .map((n) => n.replace(/\.html\.gz$/, ''))
    .filter((id) => truth[id])
    .sort();
  const direct = new Map<string, string>();
  for (const id of ids) {
    const result = await readDocument(join(folder, 'html', `${id}.html.gz`), 'html');
    if (result.ok) direct.set(id, prepare(result.article, ['clean', 'describe']).text);
  }
  // No charset in the HTTP header: the page's own <meta> or detection decides, as when read from a file.
  const records = ids.map((id) => responseRecord({ url: `https://pages.example/${id}`, body: gunzipSync(readFileSync(join(folder, 'html', `${id}.html.gz`))), contentType: 'text/html' }));
  const file = join(tempDir(t), 'extraction.warc.gz');
  writeFileSync(file, warcFile([warcinfoRecord(), ...records], { gzip: true }));
  const viaWarc = new Map<string, string>();
  for await (const result of readPaths([file])) {
    if (result.ok) viaWarc.set(new URL(result.article.url!).pathname.slice(1), prepare(result.article, ['clean', 'describe']).text);
  }
  assert.equal(viaWarc.size, direct.size);
  const score = (texts: Map<string, string>): number => aggregate(ids.map((id) => scorePage(texts.get(id) ?? '', truth[id]!.articleBody ?? ''))).f1;
  const f1Direct = score(direct);
  assert.ok(f1Direct > 0.9, `expecting the direct figure near the eval's, instead found ${f1Direct}`);
  assert.equal(score(viaWarc), f1Direct);
});
