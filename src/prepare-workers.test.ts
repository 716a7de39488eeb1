// Stores built with 0, 1 and 2 worker threads are the same: articles, their stories, fields and messages, in the same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seededRandom, tempDir } from '../test/helpers.js';
import { ingest } from './ingest.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';

const TOPICS = [
  'river flood valley families rescue water governor homes',
  'council budget schools roads teachers heating debate vote',
  'election candidate poll campaign debate voters party rally',
  'storm harbour ships wind coast warning ferry power',
];
const FILLER = 'officials said on monday that the work would go on through the week and more news was expected'.split(' ');

/** 600 articles in stories of a few articles, with copies, a bad line and a title-only item. */
function corpus(): string {
  const random = seededRandom(11);
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    const topic = TOPICS[i % TOPICS.length]!.split(' ');
    const words = Array.from({ length: 120 }, () => (random() < 0.4 ? topic : FILLER)[Math.floor(random() * 8)]!);
    const story = Math.floor(i / 3);
    const text = `${words.join(' ')} story ${story}.\n\nSecond paragraph ${i % 3 === 2 ? story : i} with AP said details.`;
    lines.push(JSON.stringify({ id: `a${i}`, outlet: `Outlet ${i % 7}`, title: `Report ${story} on the ${topic[0]}`, text, published: 1_700_000_000_000 + story * 3_600_000 + (i % 3) * 60_000 }));
    if (i === 300) lines.push('{"broken": ');
    if (i === 400) lines.push(JSON.stringify({ id: 'headline', title: 'Storm warning for the coast tonight' }));
  }
  return `${lines.join('\n')}\n`;
}

function dump(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  const rows = [
    ...db.prepare('SELECT id, item_key, content_hash, title, outlet, published, language, credits, cited, dateline, text, hex(signature) AS s, story_id, messages FROM articles ORDER BY id').all(),
    ...db.prepare('SELECT id, title, article_count, source_count, first_seen, last_seen, centroid, size FROM stories ORDER BY id').all(),
    ...db.prepare('SELECT term, df FROM term_df ORDER BY term').all(),
  ];
  db.close();
  return rows;
}

test('ingest with 0, 1 and 2 worker threads stores the same articles in the same stories', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'corpus.jsonl');
  writeFileSync(input, corpus());
  const dumps: unknown[][] = [];
  for (const workers of [0, 1, 2]) {
    const file = join(dir, `store-${workers}.db`);
    const store = SqliteStore.open(file);
    const summary = await ingest(store, [input], { workers, batchSize: 50 });
    await store.close();
    assert.deepEqual([summary.read, summary.failed], [601, 1], `workers ${workers}`);
    dumps.push(dump(file));
  }
  assert.ok(dumps[0]!.length > 600);
  assert.deepEqual(dumps[1], dumps[0], '1 worker = none');
  assert.deepEqual(dumps[2], dumps[0], '2 workers = none');
});
