// Tests for SqliteStore on a temp file: migrations, lookups by key/hash/bands, story counts, listing, transactions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../../test/helpers.js';
import type { NewArticle } from '../store.js';
import { InvalidCursorError, openStore } from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { ftsExpression, SqliteStore } from './sqlite-store.js';

let counter = 0;
function newArticle(fields: Partial<NewArticle> = {}): NewArticle {
  counter++;
  return {
    itemKey: `item-${counter}`,
    contentHash: `hash-${counter}`,
    source: `file-${counter}.txt`,
    title: `Title ${counter}`,
    authors: [],
    credits: [],
    cited: [],
    text: `text ${counter}`,
    signature: Uint32Array.from({ length: 128 }, (_, i) => i + counter),
    messages: [],
    ...fields,
  };
}

/** A story as ingestion makes one: an id, then its centroid saved (which creates the row insertArticle updates). */
async function newStory(store: SqliteStore): Promise<number> {
  const id = await store.storyIndex.newStoryId();
  await store.storyIndex.saveStory({ id, vector: new Map(), size: 0 }, []);
  return id;
}

function openTemp(t: { after(fn: () => void): void }): { store: SqliteStore; file: string } {
  const file = join(tempDir(t), 'store.db');
  const store = SqliteStore.open(file);
  t.after(() => void store.close().catch(() => undefined));
  return { store, file };
}

test('migrations set user_version to the number of migrations; reopening keeps the data', async (t) => {
  const { store, file } = openTemp(t);
  const db = new Database(file, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
  await store.insertArticle(newArticle({ itemKey: 'keep-me' }), 1, [], false);
  await store.close();
  const again = SqliteStore.open(file);
  assert.equal(typeof (await again.findByItemKey('keep-me')), 'number');
  await again.close();
});

test('a store newer than this code is refused with a clear error', (t) => {
  const file = join(tempDir(t), 'future.db');
  const db = new Database(file);
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
  assert.throws(() => SqliteStore.open(file), /newer than this newsfuse knows/);
});

test('openStore opens a SQLite path and refuses postgres:// for now', async (t) => {
  const store = await openStore(join(tempDir(t), 'via-open.db'));
  assert.equal(store.capabilities.engine, 'sqlite');
  await store.close();
  await assert.rejects(openStore('postgres://localhost/newsfuse'), /not built yet/);
});

test('insert, then find by item key, content hash and band keys; read back all fields', async (t) => {
  const { store } = openTemp(t);
  const story = await store.storyIndex.newStoryId();
  const a = newArticle({ contentHash: 'same', authors: ['Choi Si-young'], credits: ['KCNA', 'Yonhap'], cited: ['KCNA'], dateline: 'SEOUL (Dispatches) --', published: '2021-01-08T21:17:00.000Z', outlet: 'Herald', url: 'https://h.example/1', language: 'en', messages: ['m [r]'] });
  const b = newArticle({ contentHash: 'same' });
  const big = 31 * 2 ** 32 + 0xfffffff0; // band keys go up to 2^37
  const idA = await store.insertArticle(a, story, [10, 20, big], false);
  const idB = await store.insertArticle(b, story, [20, 30], false);
  assert.equal(await store.findByItemKey(a.itemKey), idA);
  assert.equal(await store.findByItemKey('absent'), undefined);
  assert.deepEqual(await store.findByContentHash('same'), [idA, idB]);
  assert.deepEqual(await store.findByContentHash('nope'), []);
  assert.deepEqual((await store.findByBands([20], 10)).sort(), [idA, idB].sort());
  assert.deepEqual(await store.findByBands([big], 10), [idA]);
  assert.deepEqual(await store.findByBands([99], 10), []);
  assert.deepEqual(await store.findByBands([20], 1).then((ids) => ids.length), 1, 'limit applies per band');

  const [stored] = await store.getArticles([idA]);
  assert.ok(stored);
  assert.equal(stored.story, story);
  assert.deepEqual(stored.authors, ['Choi Si-young']);
  assert.deepEqual(stored.credits, ['KCNA', 'Yonhap']);
  assert.deepEqual(stored.cited, ['KCNA']);
  assert.equal(stored.dateline, 'SEOUL (Dispatches) --');
  assert.equal(stored.published, '2021-01-08T21:17:00.000Z');
  assert.deepEqual(stored.signature, a.signature);
  assert.deepEqual(stored.messages, ['m [r]']);
  assert.equal(stored.externalId, undefined);
  assert.match(stored.ingestedAt, /^\d{4}-\d\d-\d\dT/);
});

test('an item key is unique: inserting it twice throws', async (t) => {
  const { store } = openTemp(t);
  const a = newArticle();
  await store.insertArticle(a, 1, [], false);
  await assert.rejects(store.insertArticle({ ...a, contentHash: 'other' }, 1, [], false), /UNIQUE/);
});

test('story counts: articleCount, sourceCount by outlet (else file), firstSeen/lastSeen from publish times', async (t) => {
  const { store } = openTemp(t);
  const story = await newStory(store);
  await store.insertArticle(newArticle({ outlet: 'AP', published: '2021-01-08T10:00:00.000Z', title: 'Lede stand-in' }), story, [], true);
  await store.insertArticle(newArticle({ outlet: 'AP', published: '2021-01-06T10:00:00.000Z', title: 'Real headline' }), story, [], false);
  await store.insertArticle(newArticle({ outlet: 'Reuters' }), story, [], false);
  await store.insertArticle(newArticle({ outlet: undefined, source: 'x.txt', published: '2021-01-09T00:00:00.000Z' }), story, [], false);
  await store.insertArticle(newArticle({ outlet: undefined, source: 'y.txt', title: 'Later headline' }), story, [], false);
  const summary = await store.getStory(story);
  assert.deepEqual(summary, {
    id: story,
    title: 'Real headline',
    articleCount: 5,
    sourceCount: 4,
    firstSeen: '2021-01-06T10:00:00.000Z',
    lastSeen: '2021-01-09T00:00:00.000Z',
  });
  const articles = await store.storyArticles(story);
  assert.deepEqual(articles.map((a) => a.published ?? null), ['2021-01-06T10:00:00.000Z', '2021-01-08T10:00:00.000Z', '2021-01-09T00:00:00.000Z', null, null]);
  assert.equal(await store.getStory(9999), undefined);
});

test('listStories: largest first, limit, and a query over story and article titles (all words, any case)', async (t) => {
  const { store } = openTemp(t);
  const s1 = await newStory(store);
  const s2 = await newStory(store);
  const s3 = await newStory(store);
  await store.insertArticle(newArticle({ title: 'Kim vows to expand ties' }), s1, [], false);
  await store.insertArticle(newArticle({ title: 'North Korea party congress opens' }), s1, [], false);
  await store.insertArticle(newArticle({ title: 'Floods hit the valley' }), s2, [], false);
  await store.insertArticle(newArticle({ title: 'Council passes budget' }), s3, [], false);
  await store.insertArticle(newArticle({ title: 'Budget row continues' }), s3, [], false);
  await store.insertArticle(newArticle({ title: 'Teachers react to budget' }), s3, [], false);

  const all = await store.listStories({ limit: 10 });
  assert.deepEqual(all.map((s) => [s.id, s.articleCount]), [[s3, 3], [s1, 2], [s2, 1]]);
  assert.deepEqual(Object.keys(all[0]!).sort(), ['articleCount', 'firstSeen', 'id', 'lastSeen', 'sourceCount', 'title']);
  assert.equal((await store.listStories({ limit: 1 })).length, 1);
  assert.deepEqual((await store.listStories({ limit: 10, query: 'CONGRESS' })).map((s) => s.id), [s1], 'matches a non-first article title');
  assert.deepEqual((await store.listStories({ limit: 10, query: 'kim congress' })).map((s) => s.id), [s1]);
  assert.deepEqual((await store.listStories({ limit: 10, query: 'kim floods' })).map((s) => s.id), []);
  assert.deepEqual((await store.listStories({ limit: 10, query: "it's 100%" })).map((s) => s.id), [], 'odd characters are data');
});

test('a failed transaction rolls back everything it wrote', async (t) => {
  const { store } = openTemp(t);
  await assert.rejects(
    store.transaction(async () => {
      const story = await store.storyIndex.newStoryId();
      await store.storyIndex.addDocument(['kim', 'congress']);
      await store.storyIndex.saveStory({ id: story, vector: new Map([['kim', 1]]), size: 1 }, ['kim']);
      await store.insertArticle(newArticle({ itemKey: 'rolled-back', contentHash: 'rb' }), story, [77], false);
      throw new Error('power cut');
    }),
    /power cut/,
  );
  assert.equal(await store.findByItemKey('rolled-back'), undefined);
  assert.deepEqual(await store.findByContentHash('rb'), []);
  assert.deepEqual(await store.findByBands([77], 10), []);
  assert.deepEqual(await store.listStories({ limit: 10 }), []);
  assert.deepEqual(await store.storyIndex.candidates(['kim'], 10), []);
  const { documents } = await store.storyIndex.frequencies(['kim']);
  assert.equal(documents, 0);
  assert.equal(await store.storyIndex.newStoryId(), 1, 'the story id counter rolled back too');

  // A committed transaction keeps its work.
  await store.transaction(async () => {
    await store.insertArticle(newArticle({ itemKey: 'committed' }), 1, [], false);
  });
  assert.equal(typeof (await store.findByItemKey('committed')), 'number');
});

test('SqliteStoryIndex: frequencies, candidates and centroids survive a round trip', async (t) => {
  const { store } = openTemp(t);
  const index = store.storyIndex;
  await index.addDocument(['kim', 'congress', 'kim']);
  await index.addDocument(['kim']);
  const { documents, df } = await index.frequencies(['kim', 'congress', 'none']);
  assert.equal(documents, 2);
  assert.deepEqual([...df], [['kim', 2], ['congress', 1], ['none', 0]]);
  await index.saveStory({ id: 5, vector: new Map([['kim', 0.8], ['congress', 0.6]]), size: 2, firstSeen: 1000, lastSeen: 2000 }, ['kim', 'congress']);
  await index.saveStory({ id: 6, vector: new Map([['kim', 1]]), size: 1 }, ['kim']);
  const found = await index.candidates(['kim', 'congress'], 10);
  assert.deepEqual(found.map((s) => s.id), [5, 6]);
  assert.deepEqual([...found[0]!.vector], [['kim', 0.8], ['congress', 0.6]]);
  assert.equal(found[0]!.firstSeen, 1000);
  assert.equal(found[1]!.firstSeen, undefined);
  await index.saveStory({ id: 5, vector: new Map([['floods', 1]]), size: 3 }, ['floods']);
  assert.deepEqual((await index.candidates(['congress'], 10)).map((s) => s.id), []);
  assert.deepEqual(await index.candidates([], 10), []);
});

test('brief cache: a hit for the same story version and format; an insert into the story invalidates it, not other stories', async (t) => {
  const { store } = openTemp(t);
  const s1 = await newStory(store);
  const s2 = await newStory(store);
  await store.insertArticle(newArticle(), s1, [], false);
  await store.insertArticle(newArticle(), s2, [], false);
  assert.equal(await store.getCachedBrief(s1, 'f1'), undefined, 'nothing cached yet');

  const v1 = await store.storyVersion(s1);
  assert.equal(typeof v1, 'number');
  await store.putCachedBrief(s1, 'f1', '{"brief":1}', v1!);
  await store.putCachedBrief(s2, 'f1', '{"brief":2}', (await store.storyVersion(s2))!);
  assert.equal(await store.getCachedBrief(s1, 'f1'), '{"brief":1}');
  assert.equal(await store.getCachedBrief(s1, 'f2'), undefined, 'another brief format misses');

  await store.insertArticle(newArticle(), s1, [], false);
  assert.notEqual(await store.storyVersion(s1), v1, 'an insert changes the story version');
  assert.equal(await store.getCachedBrief(s1, 'f1'), undefined, 'stale after an insert into the story');
  assert.equal(await store.getCachedBrief(s2, 'f1'), '{"brief":2}', 'other stories keep their brief');

  // A brief built from a version read before an insert is stale at once, never served for the newer story.
  const before = (await store.storyVersion(s2))!;
  await store.insertArticle(newArticle(), s2, [], false);
  await store.putCachedBrief(s2, 'f1', '{"brief":"built before the insert"}', before);
  assert.equal(await store.getCachedBrief(s2, 'f1'), undefined);

  // Replacing: one row per story, the newest put wins.
  const v2 = (await store.storyVersion(s1))!;
  await store.putCachedBrief(s1, 'f1', '{"brief":"old format"}', v2);
  await store.putCachedBrief(s1, 'f2', '{"brief":"new format"}', v2);
  assert.equal(await store.getCachedBrief(s1, 'f2'), '{"brief":"new format"}');
  assert.equal(await store.getCachedBrief(s1, 'f1'), undefined);
  assert.equal(await store.storyVersion(9999), undefined);
  assert.equal(await store.getCachedBrief(9999, 'f1'), undefined);
});

test('brief cache: a rolled-back insert leaves the cached brief valid', async (t) => {
  const { store } = openTemp(t);
  const story = await newStory(store);
  await store.insertArticle(newArticle(), story, [], false);
  await store.putCachedBrief(story, 'f', '{}', (await store.storyVersion(story))!);
  await assert.rejects(
    store.transaction(async () => {
      await store.insertArticle(newArticle(), story, [], false);
      throw new Error('power cut');
    }),
    /power cut/,
  );
  assert.equal(await store.getCachedBrief(story, 'f'), '{}');
});

test('migration from a version-2 store file: stories and articles kept, versions start at 0, the cache works', async (t) => {
  const file = join(tempDir(t), 'v2.db');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  for (const [version, sql] of MIGRATIONS.slice(0, 2).entries()) {
    old.exec(sql);
    old.pragma(`user_version = ${version + 1}`);
  }
  old.prepare(`INSERT INTO stories (id, title, title_is_fallback, article_count, source_count, updated_at) VALUES (7, 'Old story', 0, 1, 1, '2026-01-01T00:00:00.000Z')`).run();
  old.prepare(`INSERT INTO articles (item_key, content_hash, source, title, text, signature, story_id, ingested_at) VALUES ('old-item', 'old-hash', 'old.txt', 'Old story', 'old text', x'00000000', 7, '2026-01-01T00:00:00.000Z')`).run();
  old.close();

  const store = SqliteStore.open(file);
  t.after(() => void store.close().catch(() => undefined));
  assert.equal(await store.storyVersion(7), 0);
  assert.equal((await store.getStory(7))?.title, 'Old story');
  assert.equal(typeof (await store.findByItemKey('old-item')), 'number');
  assert.equal(await store.getCachedBrief(7, 'f'), undefined);
  await store.putCachedBrief(7, 'f', '{"old":true}', 0);
  assert.equal(await store.getCachedBrief(7, 'f'), '{"old":true}');
  await store.insertArticle(newArticle(), 7, [], false);
  assert.equal(await store.storyVersion(7), 1);
  assert.equal(await store.getCachedBrief(7, 'f'), undefined);
  const db = new Database(file, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  db.close();
  const found = await store.searchStories({ limit: 5, order: 'newest', text: 'old TEXT' });
  assert.deepEqual(found.stories.map((s) => s.id), [7], 'articles stored before the full-text index are indexed by the migration');
});

test('searchStories: full text over titles and texts, filters, orders, and keyset cursors', async (t) => {
  const { store } = openTemp(t);
  const day = (d: number): string => `2021-01-${String(d).padStart(2, '0')}T12:00:00.000Z`;
  const ids: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const story = await newStory(store);
    ids.push(story);
    for (let k = 0; k < i; k++) {
      await store.insertArticle(
        newArticle({ outlet: k % 2 ? 'Herald' : `Outlet ${i}`, published: day(i + k), language: i === 5 ? 'ko' : 'en', text: `Congress report ${i} Pyongyang${i === 3 ? ' vaccine Gavi' : ''}` }),
        story,
        [],
        false,
      );
    }
  }
  assert.equal(store.capabilities.fullTextSearch, true);
  const all = await store.searchStories({ limit: 10, order: 'largest' });
  assert.deepEqual(all.stories.map((s) => s.id), [...ids].reverse());
  assert.equal(all.next, null);
  assert.equal(all.stories[0]!.independentSources, null, 'no brief built yet');

  assert.deepEqual((await store.searchStories({ limit: 10, order: 'newest', text: 'gavi VACCINE' })).stories.map((s) => s.id), [ids[2]]);
  assert.deepEqual((await store.searchStories({ limit: 10, order: 'newest', text: 'title 1' })).stories.length, 1, 'titles are indexed too');
  assert.deepEqual((await store.searchStories({ limit: 10, order: 'newest', text: 'nowhere' })).stories, []);
  assert.deepEqual((await store.searchStories({ limit: 10, order: 'largest', outlet: 'Herald' })).stories.map((s) => s.id), [ids[4], ids[3], ids[2], ids[1]]);
  assert.deepEqual((await store.searchStories({ limit: 10, order: 'largest', language: 'ko' })).stories.map((s) => s.id), [ids[4]]);
  assert.deepEqual((await store.searchStories({ limit: 10, order: 'largest', minSources: 2 })).stories.map((s) => s.id), [ids[4], ids[3], ids[2], ids[1]]);
  assert.deepEqual((await store.searchStories({ limit: 10, order: 'largest', from: day(7), to: day(8) })).stories.map((s) => s.id), [ids[4], ids[3]]);

  // Pages of two follow each other without gaps or repeats, in every order.
  for (const order of ['newest', 'largest', 'independent'] as const) {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const page = await store.searchStories({ limit: 2, order, cursor });
      seen.push(...page.stories.map((s) => s.id));
      if (!page.next) break;
      cursor = page.next;
    }
    assert.deepEqual([...seen].sort(), [...ids].sort(), order);
    assert.equal(new Set(seen).size, ids.length);
  }
  const first = await store.searchStories({ limit: 2, order: 'newest' });
  await assert.rejects(store.searchStories({ limit: 2, order: 'largest', cursor: first.next! }), InvalidCursorError);
  await assert.rejects(store.searchStories({ limit: 2, order: 'newest', cursor: 'not-a-cursor' }), InvalidCursorError);

  // The independent-source count of a cached brief is listed, filtered and sorted by.
  await store.putCachedBrief(ids[0]!, 'f', JSON.stringify({ story: { independentSources: 9 } }), (await store.storyVersion(ids[0]!))!);
  const independent = await store.searchStories({ limit: 10, order: 'independent', minIndependent: 2 });
  assert.deepEqual(independent.stories.map((s) => [s.id, s.independentSources]), [[ids[0], 9], [ids[4], null], [ids[3], null], [ids[2], null], [ids[1], null]]);
  assert.deepEqual((await store.searchStories({ limit: 10, order: 'independent', minIndependent: 3 })).stories.map((s) => s.id), [ids[0]]);

  assert.deepEqual((await store.listOutlets())[0], { outlet: 'Herald', articles: 6, stories: 4 });
});

test('ftsExpression: words quoted, FTS5 syntax left inert', () => {
  assert.equal(ftsExpression('Kim "Jong" OR NEAR(x*'), '"Kim" "Jong" "OR" "NEAR" "x"');
  assert.equal(ftsExpression(' -- ** '), undefined);
});

test('article analyses: stored per article and version, a newer version replaces an older one', async (t) => {
  const { store } = openTemp(t);
  const story = await newStory(store);
  const a = await store.insertArticle(newArticle(), story, [], false);
  const b = await store.insertArticle(newArticle(), story, [], false);
  assert.equal((await store.getAnalyses([a, b], '1')).size, 0);
  await store.putAnalyses([{ article: a, version: '1', json: '{"a":1}' }, { article: b, version: '1', json: '{"b":1}' }]);
  assert.deepEqual([...(await store.getAnalyses([a, b], '1'))].sort(), [[a, '{"a":1}'], [b, '{"b":1}']]);
  await store.putAnalyses([{ article: a, version: '2', json: '{"a":2}' }]);
  assert.deepEqual([...(await store.getAnalyses([a, b], '2'))], [[a, '{"a":2}']]);
  assert.deepEqual([...(await store.getAnalyses([a, b], '1'))], [[b, '{"b":1}']], 'the other version is not served');
  const many = Array.from({ length: 1200 }, (_, i) => i + 1000);
  assert.equal((await store.getAnalyses(many, '1')).size, 0, 'more ids than one statement takes');
});

test('mergeStory: the articles move, counts follow, the merge is recorded and the old id resolves; nothing is lost', async (t) => {
  const { store, file } = openTemp(t);
  const kept = await newStory(store);
  const merged = await newStory(store);
  await store.insertArticle(newArticle({ outlet: 'AP', published: '2021-01-05T10:00:00Z' }), kept, [], false);
  await store.insertArticle(newArticle({ outlet: 'Reuters', published: '2021-01-04T09:00:00Z' }), merged, [], false);
  await store.insertArticle(newArticle({ outlet: 'AP', published: '2021-01-06T08:00:00Z' }), merged, [], false);
  const versionBefore = await store.storyVersion(kept);
  await store.transaction(() => store.storyIndex.mergeStory(merged, kept));
  const story = await store.getStory(kept);
  assert.equal(story?.articleCount, 3);
  assert.equal(story?.sourceCount, 2);
  assert.equal((await store.storyArticles(kept)).length, 3);
  assert.ok((await store.storyVersion(kept))! > versionBefore!, 'the story that took the articles has a new version (its cached brief is stale)');
  assert.equal(await store.getStory(merged), undefined, 'the merged story is no longer listed');
  assert.equal(await store.resolveStory(merged), kept);
  assert.equal(await store.resolveStory(kept), kept);
  // A chain of merges resolves to its end.
  const third = await newStory(store);
  await store.insertArticle(newArticle(), third, [], false);
  await store.transaction(() => store.storyIndex.mergeStory(kept, third));
  assert.equal(await store.resolveStory(merged), third);
  assert.equal((await store.storyArticles(third)).length, 4);
  await store.close();
  const db = new Database(file, { readonly: true });
  assert.deepEqual(db.prepare('SELECT from_id, into_id, articles FROM story_merges ORDER BY from_id').all(), [
    { from_id: kept, into_id: third, articles: 3 },
    { from_id: merged, into_id: kept, articles: 2 },
  ]);
  assert.equal(db.prepare('SELECT COUNT(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories WHERE article_count > 0)').pluck().get(), 0);
  db.close();
});

test('document frequencies counted in a transaction are seen at once, committed with it, and dropped by a rollback', async (t) => {
  const file = join(tempDir(t), 'df.db');
  const store = SqliteStore.open(file);
  const index = store.storyIndex;
  await store.transaction(async () => {
    await index.addDocument(['river', 'flood', 'river']);
    await index.addDocument(['flood']);
    assert.deepEqual(await index.frequencies(['river', 'flood', 'none']), { documents: 2, df: new Map([['river', 1], ['flood', 2], ['none', 0]]) });
  });
  await assert.rejects(
    store.transaction(async () => {
      await index.addDocument(['river']);
      throw new Error('stop');
    }),
    /stop/,
  );
  await index.addDocument(['dam']); // outside a transaction: written at once
  await store.close();
  const again = SqliteStore.open(file);
  assert.deepEqual(await again.storyIndex.frequencies(['river', 'flood', 'dam']), { documents: 3, df: new Map([['river', 1], ['flood', 2], ['dam', 1]]) });
  await again.close();
});

test('a story saved in a transaction is read back as saved inside it, written at its commit, and left as before by a rollback', async (t) => {
  const file = join(tempDir(t), 'centroids.db');
  const store = SqliteStore.open(file);
  const index = store.storyIndex;
  const row = (id: number): unknown => {
    const db = new Database(file, { readonly: true });
    const found = db.prepare('SELECT centroid, size, first_ms, last_ms FROM stories WHERE id = ?').get(id);
    db.close();
    return found;
  };
  await index.saveStory({ id: 1, vector: new Map([['w:flood', 1]]), size: 1, firstSeen: 10, lastSeen: 10 }, ['w:flood']);
  await store.transaction(async () => {
    const story = (await index.candidates(['w:flood'], 5))[0]!;
    story.vector = new Map([['w:flood', 0.123456789], ['w:river', 0.5]]);
    story.size = 2;
    story.lastSeen = 20;
    await index.saveStory(story, ['w:flood', 'w:river']);
    assert.deepEqual((await index.candidates(['w:river'], 5)).map((s) => [s.id, s.size, s.lastSeen]), [[1, 2, 20]]);
  });
  assert.deepEqual(row(1), { centroid: '[["w:flood",0.12346],["w:river",0.5]]', size: 2, first_ms: 10, last_ms: 20 });
  await assert.rejects(
    store.transaction(async () => {
      const story = (await index.candidates(['w:flood'], 5))[0]!;
      story.vector = new Map([['w:dam', 1]]);
      story.size = 3;
      await index.saveStory(story, ['w:dam']);
      throw new Error('stop');
    }),
    /stop/,
  );
  assert.deepEqual(row(1), { centroid: '[["w:flood",0.12346],["w:river",0.5]]', size: 2, first_ms: 10, last_ms: 20 });
  const [after] = await index.candidates(['w:river'], 5);
  assert.deepEqual([after!.size, [...after!.vector]], [2, [['w:flood', 0.12346], ['w:river', 0.5]]]);
  await store.close();
});

test('a story saved in a transaction and pushed out of the centroid cache before the commit reads back as its row will hold', async (t) => {
  const { store } = openTemp(t);
  const index = store.storyIndex;
  await index.saveStory({ id: 1, vector: new Map([['w:flood', 1]]), size: 1 }, ['w:flood']);
  await store.transaction(async () => {
    const story = (await index.candidates(['w:flood'], 5))[0]!;
    story.vector = new Map([['w:flood', 0.123456789]]);
    story.size = 2;
    await index.saveStory(story, ['w:flood']);
    // More stories than the cache holds (4096) push story 1 out before its row is written.
    for (let id = 2; id < 4200; id++) await index.saveStory({ id, vector: new Map([['w:other', 1]]), size: 1 }, [`w:other${id}`]);
    const [again] = await index.candidates(['w:flood'], 5);
    assert.notEqual(again, story);
    assert.deepEqual([again!.size, [...again!.vector]], [2, [['w:flood', 0.12346]]]);
  });
});
