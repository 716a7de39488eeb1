// Tests for raw pages and reextract(): pages kept at ingest, extraction re-run over them, what changes and what must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Article, type ReadResult } from './article.js';
import { bandKeys } from './fingerprint/minhash.js';
import { ingest } from './ingest.js';
import { RawPageCapture, rawPageOf } from './raw-page.js';
import { reextract } from './reextract.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store, StoredArticle } from './store/store.js';
import { tempDir } from '../test/helpers.js';

/** A news page Readability extracts: title, date, byline, several paragraphs, and furniture around them. */
function page(n: number, options: { charset?: string } = {}): string {
  const paragraphs = Array.from(
    { length: 5 },
    (_, i) => `<p>Paragraph ${i + 1} of report ${n}: the harbour authority said on Tuesday that the ferry service ${n} would resume after the storm, and engineers inspected the pier ${i + 2} times.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head>${options.charset ? `<meta charset="${options.charset}">` : ''}
<title>Ferry service ${n} to resume after storm</title>
<meta property="article:published_time" content="2021-01-0${(n % 9) + 1}T08:00:00Z">
<meta name="author" content="Jane Roe">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ferry service ${n} to resume after storm</h1>
${paragraphs}
</article><aside>MOST POPULAR <a href="/x">Something else</a></aside><footer>Copyright 2021 The Harbour Times</footer></body></html>`;
}

function openTemp(t: { after(fn: () => void): void }, dir = tempDir(t)): { store: SqliteStore; file: string } {
  const file = join(dir, 'store.db');
  const store = SqliteStore.open(file);
  t.after(() => void store.close().catch(() => undefined));
  return { store, file };
}

/** A folder with `pages` HTML pages and one plain-text article. */
function inputs(t: { after(fn: () => void): void }, pages = 3): string {
  const dir = tempDir(t);
  for (let n = 1; n <= pages; n++) writeFileSync(join(dir, `page-${n}.html`), page(n));
  writeFileSync(
    join(dir, 'plain.txt'),
    'Council approves new budget\n\nThe city council approved a budget on Monday that adds money for schools, roads and the hospital, the mayor said after the vote.\n',
  );
  return dir;
}

async function allArticles(store: Store): Promise<StoredArticle[]> {
  const ids: number[] = [];
  for await (const input of store.clusteringInputs()) ids.push(input.id);
  return store.getArticles(ids);
}

/** Pretend an article was stored by an older extraction: furniture left in its text, another title. */
async function makeStale(store: Store, article: StoredArticle): Promise<void> {
  const text = `Home World\n\n${article.text}\n\nMOST POPULAR Something else`;
  await store.updateExtraction(article.id, { ...article, text, title: `OLD ${article.title}`, authors: [] }, bandKeys(article.signature));
}

test('ingest keeps the raw page of HTML articles only; --no-raw keeps none', async (t) => {
  const dir = inputs(t, 2);
  const { store } = openTemp(t);
  const summary = await ingest(store, [dir], { workers: 0 });
  assert.equal(summary.new, 3);
  const stats = await store.rawPageStats();
  assert.equal(stats.articles, 3);
  assert.equal(stats.pages, 2, 'the two pages, not the plain-text article');
  assert.ok(stats.storedBytes > 0 && stats.storedBytes < stats.htmlBytes, `packed (${stats.storedBytes} of ${stats.htmlBytes} bytes)`);
  const rows = await store.rawPages({ after: 0, limit: 10 });
  assert.equal(rows.length, 2);
  const first = rows[0]!;
  assert.ok('page' in first);
  assert.equal(first.page.html, page(1));
  assert.equal(first.page.source.file, join(dir, 'page-1.html'));
  assert.equal((first.page.input as Record<string, unknown>).text, undefined, 'the body is kept once, as HTML');

  const bare = openTemp(t).store;
  await ingest(bare, [dir], { workers: 0, raw: false });
  assert.deepEqual(await bare.rawPageStats(), { articles: 3, pages: 0, htmlBytes: 0, storedBytes: 0 });
});

test('re-extraction with unchanged code finds nothing to change', async (t) => {
  const { store } = openTemp(t);
  await ingest(store, [inputs(t)], { workers: 0 });
  const before = await allArticles(store);
  const summary = await reextract(store);
  assert.deepEqual([summary.pages, summary.changed, summary.unchanged, summary.failed], [3, 0, 3, 0]);
  assert.deepEqual(await allArticles(store), before);
});

test('an article from an older extraction gets today\'s text, title and byline; plain text is untouched; briefs and analyses go stale', async (t) => {
  const { store } = openTemp(t);
  await ingest(store, [inputs(t)], { workers: 0 });
  const fresh = await allArticles(store);
  const target = fresh.find((a) => a.source.endsWith('page-2.html'))!;
  const plain = fresh.find((a) => a.source.endsWith('plain.txt'))!;
  assert.deepEqual(target.authors, ['Jane Roe']);
  await makeStale(store, target);
  const stale = (await store.getArticles([target.id]))[0]!;
  assert.match(stale.text, /MOST POPULAR/);

  const version = (await store.storyVersion(stale.story))!;
  await store.putCachedBrief(stale.story, 'test-format', '{"story":{}}', version);
  await store.putAnalyses([{ article: target.id, version: 'v1', json: '{}' }]);
  assert.equal(await store.getCachedBrief(stale.story, 'test-format'), '{"story":{}}');

  const dry = await reextract(store, { dryRun: true });
  assert.equal(dry.changed, 1);
  assert.deepEqual(dry.fields, { text: 1, title: 1, byline: 1 });
  assert.deepEqual((await store.getArticles([target.id]))[0], stale, 'a dry run writes nothing');
  assert.equal(await store.getCachedBrief(stale.story, 'test-format'), '{"story":{}}', 'a dry run leaves the brief cached');

  const summary = await reextract(store);
  assert.deepEqual([summary.pages, summary.changed, summary.unchanged, summary.failed, summary.stories], [3, 1, 2, 0, 1]);
  const after = (await store.getArticles([target.id]))[0]!;
  assert.equal(after.text, target.text);
  assert.equal(after.title, target.title);
  assert.deepEqual(after.authors, ['Jane Roe']);
  assert.equal(after.contentHash, target.contentHash);
  assert.equal(after.itemKey, target.itemKey);
  assert.equal(await store.getCachedBrief(stale.story, 'test-format'), undefined, 'the story changed: its cached brief is stale');
  assert.equal((await store.getAnalyses([target.id], 'v1')).size, 0, 'the article\'s analyses are dropped');
  assert.deepEqual((await store.getArticles([plain.id]))[0], plain, 'the plain-text article is untouched');
  // The full-text index follows the new text: the furniture is no longer found.
  const found = await store.searchStories({ limit: 10, order: 'newest', text: 'MOST POPULAR' });
  assert.equal(found.stories.length, 0);

  const again = await reextract(store);
  assert.equal(again.changed, 0, 'a second run changes nothing');
});

test('--story and --since select the pages re-extracted', async (t) => {
  const { store } = openTemp(t);
  await ingest(store, [inputs(t)], { workers: 0 });
  const articles = await allArticles(store);
  for (const a of articles) if (a.source.endsWith('.html')) await makeStale(store, a);
  const one = articles.find((a) => a.source.endsWith('page-1.html'))!;
  const byStory = await reextract(store, { story: one.story, dryRun: true });
  assert.equal(byStory.pages, articles.filter((a) => a.story === one.story && a.source.endsWith('.html')).length);
  assert.equal((await reextract(store, { ingestedSince: '2999-01-01T00:00:00.000Z', dryRun: true })).pages, 0);
  assert.equal((await reextract(store, { ingestedSince: '2000-01-01T00:00:00.000Z', dryRun: true })).pages, 3);
});

test('a damaged stored page is a message for that article; the others are re-extracted', async (t) => {
  const { store, file } = openTemp(t);
  await ingest(store, [inputs(t)], { workers: 0 });
  const articles = await allArticles(store);
  for (const a of articles) if (a.source.endsWith('.html')) await makeStale(store, a);
  const damaged = articles.find((a) => a.source.endsWith('page-1.html'))!;
  const raw = new Database(file);
  raw.prepare('UPDATE raw_pages SET html = ? WHERE article_id = ?').run(Buffer.from('not brotli at all'), damaged.id);
  raw.close();

  const summary = await reextract(store);
  assert.deepEqual([summary.pages, summary.changed, summary.failed], [3, 2, 1]);
  assert.equal(summary.failures[0]?.article, damaged.id);
  assert.equal(summary.failures[0]?.rule, 'reextract:raw-page');
  assert.match(summary.failures[0]!.reason, /expecting Brotli data/);
  assert.match((await store.getArticles([damaged.id]))[0]!.text, /MOST POPULAR/, 'the damaged page\'s article is left as it is');
});

test('an interrupted re-extraction keeps its committed batches; a re-run completes it', async (t) => {
  const { store } = openTemp(t);
  await ingest(store, [inputs(t, 5)], { workers: 0 });
  const pages = (await allArticles(store)).filter((a) => a.source.endsWith('.html'));
  for (const a of pages) await makeStale(store, a);
  let updates = 0;
  const failing: Store = Object.create(store) as Store;
  failing.transaction = (work) => store.transaction(work);
  failing.updateExtraction = async (...args) => {
    if (++updates === 4) throw new Error('disk full');
    return store.updateExtraction(...args);
  };
  await assert.rejects(reextract(failing, { batchSize: 2 }), /disk full/);
  const done = (await store.getArticles(pages.map((p) => p.id))).filter((a) => !/MOST POPULAR/.test(a.text));
  assert.equal(done.length, 2, 'the first batch of two is committed, the second rolled back');

  const rerun = await reextract(store, { batchSize: 2 });
  assert.deepEqual([rerun.changed, rerun.unchanged], [3, 2]);
  assert.ok((await store.getArticles(pages.map((p) => p.id))).every((a) => !/MOST POPULAR/.test(a.text)));
});

test('the decoder\'s encoding note is kept with the page and made again on re-extraction', async (t) => {
  const dir = tempDir(t);
  // windows-1252 bytes (é as 0xE9) declared as UTF-8: the decoder guesses and says so.
  writeFileSync(join(dir, 'latin.html'), Buffer.from(page(4, { charset: 'utf-8' }).replace('Jane Roe', 'Jos\u00e9 Roe'), 'latin1'));
  const { store } = openTemp(t);
  await ingest(store, [dir], { workers: 0 });
  const [row] = await store.rawPages({ after: 0, limit: 1 });
  assert.ok(row && 'page' in row);
  assert.equal(row.page.notes.length, 1);
  assert.equal(row.page.notes[0]!.rule, 'read:encoding');
  const [stored] = await allArticles(store);
  await makeStale(store, stored!);
  await reextract(store);
  const [after] = await allArticles(store);
  assert.deepEqual(after!.authors, ['José Roe']);
  assert.ok(after!.messages.some((m) => m.endsWith('[read:encoding]')), 'the encoding note is on the article again');
  assert.deepEqual(after!.messages, stored!.messages);
});

test('JSONL html without text keeps a raw page; html beside text does not', async (t) => {
  const dir = tempDir(t);
  writeFileSync(
    join(dir, 'items.jsonl'),
    [
      JSON.stringify({ id: 'h', url: 'https://example.com/h', html: page(5) }),
      JSON.stringify({ id: 'both', text: 'The text given beside the page wins over it, so no page is kept for this article.', html: page(6) }),
    ].join('\n') + '\n',
  );
  const { store } = openTemp(t);
  await ingest(store, [dir], { workers: 0 });
  const rows = await store.rawPages({ after: 0, limit: 10 });
  assert.equal(rows.length, 1);
  assert.ok('page' in rows[0]!);
  assert.equal(rows[0].page.input.id, 'h');
  assert.equal(rows[0].page.input.url, 'https://example.com/h');
});

test('raw pages follow their articles through a preparation that rebuilds them, in read order', async () => {
  const read: ReadResult[] = [
    { ok: true, article: new Article({ file: 'a.html' }, { html: '<p>a</p>' }) },
    { ok: false, failure: { source: { file: 'b' }, rule: 'read:binary', reason: 'binary' } },
    { ok: true, article: new Article({ file: 'c.txt' }, { text: 'c' }) },
    { ok: true, article: new Article({ file: 'd.html' }, { html: '<p>d</p>', url: 'https://example.com/d' }) },
  ];
  const capture = new RawPageCapture();
  async function* source(): AsyncGenerator<ReadResult> {
    yield* read;
  }
  const out: ReadResult[] = [];
  for await (const result of capture.capture(source())) {
    // A preparation that hands back new article objects (as worker threads do), and sets input.text (as clean does).
    const prepared: ReadResult = result.ok ? { ok: true, article: new Article(result.article.source, { ...result.article.input, text: 'cleaned' }) } : result;
    capture.attach(prepared);
    out.push(prepared);
  }
  const pages = out.map((r) => (r.ok ? r.article.data.rawPage?.source.file : 'failed'));
  assert.deepEqual(pages, ['a.html', 'failed', undefined, 'd.html']);
  assert.equal(rawPageOf(read[3]!.ok ? read[3].article : (undefined as never))?.input.url, 'https://example.com/d');
});
