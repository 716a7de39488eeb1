// Tests for the SQLite store's raw pages: stored with the article, paged, and an article's extraction replaced in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../../test/helpers.js';
import type { NewArticle, RawPage } from '../store.js';
import { SqliteStore } from './sqlite-store.js';

const rawPage = (n: number): RawPage => ({
  html: `<html><body><p>Page ${n}: caf\u00e9 au lait ${'and more '.repeat(50)}</p></body></html>`,
  source: { file: `feed.xml`, record: n },
  input: { url: `https://example.com/${n}`, dates: [{ kind: 'crawled', value: '2021-01-06T10:00:00Z', source: 'warc' }], provenance: { url: 'warc' } },
  notes: [{ rule: 'read:encoding', reason: 'invalid UTF-8 and no charset declared; encoding guessed as windows-1252' }],
});

function article(n: number, fields: Partial<NewArticle> = {}): NewArticle {
  return {
    itemKey: `key-${n}`,
    contentHash: `hash-${n}`,
    source: `feed.xml#${n}`,
    title: `Title ${n}`,
    authors: [],
    credits: [],
    cited: [],
    text: `Text of article ${n}.`,
    signature: new Uint32Array([n, n + 1, n + 2]),
    messages: [],
    ...fields,
  };
}

async function storeWithStory(t: { after(fn: () => void): void }): Promise<{ store: SqliteStore; file: string; story: number }> {
  const file = join(tempDir(t), 'store.db');
  const store = SqliteStore.open(file);
  t.after(() => void store.close().catch(() => undefined));
  const story = await store.storyIndex.newStoryId();
  await store.storyIndex.saveStory({ id: story, vector: new Map([['ferry', 1]]), size: 1 }, ['ferry']);
  return { store, file, story };
}

test('a raw page is stored with its article, read back whole, in id order after a key', async (t) => {
  const { store, story } = await storeWithStory(t);
  const ids: number[] = [];
  for (let n = 1; n <= 3; n++) ids.push(await store.insertArticle(article(n, n === 2 ? {} : { rawPage: rawPage(n) }), story, [n], false));
  const rows = await store.rawPages({ after: 0, limit: 10 });
  assert.deepEqual(rows.map((r) => r.article), [ids[0], ids[2]], 'the article without a raw page has none');
  assert.deepEqual(rows[0], { article: ids[0], story, source: 'feed.xml#1', page: rawPage(1) });
  assert.deepEqual((await store.rawPages({ after: ids[0]!, limit: 10 })).map((r) => r.article), [ids[2]]);
  assert.deepEqual((await store.rawPages({ after: 0, limit: 1 })).map((r) => r.article), [ids[0]]);
  assert.equal((await store.rawPages({ after: 0, limit: 10, story: story + 1 })).length, 0);
  const stats = await store.rawPageStats();
  assert.equal(stats.articles, 3);
  assert.equal(stats.pages, 2);
  assert.equal(stats.htmlBytes, Buffer.byteLength(rawPage(1).html) + Buffer.byteLength(rawPage(3).html));
  assert.ok(stats.storedBytes < stats.htmlBytes);
});

test('an unknown codec is that row\'s problem, not an exception', async (t) => {
  const { store, file, story } = await storeWithStory(t);
  const id = await store.insertArticle(article(1, { rawPage: rawPage(1) }), story, [1], false);
  const raw = new Database(file);
  raw.prepare(`UPDATE raw_pages SET codec = 'lz9' WHERE article_id = ?`).run(id);
  raw.close();
  const [row] = await store.rawPages({ after: 0, limit: 10 });
  assert.ok(row && 'problem' in row);
  assert.match(row.problem, /instead found codec "lz9"/);
});

test('updateExtraction replaces the fields and band keys, recounts the story, and keeps an item key another article holds', async (t) => {
  const { store, story } = await storeWithStory(t);
  const a = await store.insertArticle(article(1, { rawPage: rawPage(1) }), story, [11, 12], false);
  const b = await store.insertArticle(article(2), story, [21], false);
  const version = (await store.storyVersion(story))!;
  const result = await store.updateExtraction(a, article(1, { itemKey: 'key-1b', title: 'New title', published: '2021-01-06T08:00:00.000Z', text: 'New text.', authors: ['Jane Roe'] }), [13]);
  assert.deepEqual(result, { itemKeyKept: false });
  const [updated] = await store.getArticles([a]);
  assert.equal(updated!.itemKey, 'key-1b');
  assert.equal(updated!.text, 'New text.');
  assert.deepEqual(updated!.authors, ['Jane Roe']);
  assert.equal(updated!.source, 'feed.xml#1');
  assert.equal(updated!.story, story);
  assert.deepEqual(await store.findByBands([11, 12], 10), []);
  assert.deepEqual(await store.findByBands([13], 10), [a]);
  assert.ok((await store.storyVersion(story))! > version);
  assert.equal((await store.getStory(story))!.firstSeen, '2021-01-06T08:00:00.000Z');
  assert.equal((await store.rawPages({ after: 0, limit: 10 })).length, 1, 'the raw page stays');

  const taken = await store.updateExtraction(a, article(1, { itemKey: 'key-2', text: 'Same as b now.' }), [13]);
  assert.deepEqual(taken, { itemKeyKept: true });
  const [kept] = await store.getArticles([a]);
  assert.equal(kept!.itemKey, 'key-1b');
  assert.equal(kept!.text, 'Same as b now.');
  assert.equal(await store.findByItemKey('key-2'), b);
});
