// Tests for ingest() on a SQLite temp store: events and summary, idempotency, and committed batches surviving a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR, tempDir } from '../test/helpers.js';
import { ingest, type IngestEvent } from './ingest.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/store.js';

function openTemp(t: { after(fn: () => void): void }, name = 'ingest.db'): SqliteStore {
  const store = SqliteStore.open(join(tempDir(t), name));
  t.after(() => void store.close().catch(() => undefined));
  return store;
}

test('ingest of the seeds: four new articles, events per article, then all duplicates on a second run', async (t) => {
  const store = openTemp(t);
  const events: IngestEvent[] = [];
  const first = await ingest(store, [SEEDS_DIR], { onEvent: (e) => events.push(e) });
  assert.equal(first.read, 4);
  assert.equal(first.new, 4);
  assert.equal(first.failed, 0);
  assert.deepEqual(events.map((e) => e.kind), ['new', 'new', 'new', 'new']);
  const stories = await store.listStories({ limit: 10 });
  assert.equal(stories.reduce((s, x) => s + x.articleCount, 0), 4);

  const second = await ingest(store, [SEEDS_DIR]);
  assert.deepEqual([second.read, second.new, second.duplicate, second.failed], [4, 0, 4, 0]);
  assert.deepEqual(await store.listStories({ limit: 10 }), stories);
});

test('the same text under another name is stored, with an exact-duplicate message', async (t) => {
  const dir = tempDir(t);
  const text = 'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.\n';
  writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({ id: 'one', outlet: 'A', text }) + '\n' + JSON.stringify({ id: 'two', outlet: 'B', text }) + '\n');
  const store = openTemp(t);
  const events: IngestEvent[] = [];
  const summary = await ingest(store, [dir], { onEvent: (e) => events.push(e) });
  assert.equal(summary.new, 2);
  const second = events[1];
  assert.ok(second?.kind === 'new');
  assert.ok(second.article.messages.some((m) => m.rule === 'fingerprint:exact-duplicate'));
  assert.equal(second.story, (events[0] as { story: number }).story);
});

test('a crash mid-ingest keeps the batches committed before it and nothing of the batch in flight', async (t) => {
  const store = openTemp(t, 'crash.db');
  let inserts = 0;
  // A store that fails on the fourth insert (the second article of the second batch of two).
  const failing: Store = Object.create(store) as Store;
  failing.insertArticle = async (...args) => {
    if (++inserts === 4) throw new Error('disk full');
    return store.insertArticle(...args);
  };
  await assert.rejects(ingest(failing, [SEEDS_DIR], { batchSize: 2 }), /disk full/);
  const stories = await store.listStories({ limit: 10 });
  assert.equal(stories.reduce((s, x) => s + x.articleCount, 0), 2, 'the first batch of two is committed, the second rolled back');

  // Running again completes the work: two new, two duplicates.
  const again = await ingest(store, [SEEDS_DIR]);
  assert.deepEqual([again.new, again.duplicate], [2, 2]);
  assert.equal((await store.listStories({ limit: 10 })).reduce((s, x) => s + x.articleCount, 0), 4);
});
