// Tests for recluster: stored articles assigned again, moves and emptied stories recorded, old ids resolving, --since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../../test/helpers.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { NewArticle } from '../store/store.js';
import { recluster } from './recluster.js';

const FLOOD = [
  'Heavy rain flooded the Rhine valley on Monday and forced thousands of families to leave their homes, officials in Koblenz said. The river rose to 9.2 metres, its highest level since 1993.',
  'Thousands of families were evacuated from villages along the Rhine after heavy rain on Monday, officials in Koblenz said. The river reached 9.2 metres, the highest since 1993.',
  'Officials in Koblenz said the Rhine floods forced thousands of families from their homes after heavy rain on Monday. The river peaked at 9.2 metres, its highest level since 1993.',
];
const VOTE = [
  'Portuguese voters re-elected President Marcelo Rebelo de Sousa on Sunday with 61 percent of the vote. The far-right candidate Andre Ventura came third as coronavirus cases surged.',
  'President Marcelo Rebelo de Sousa won a second term in Portugal on Sunday with 61 percent of the vote. Andre Ventura of the far-right Chega party came third.',
];

let counter = 0;
const article = (text: string, published: string, title?: string): NewArticle => {
  counter++;
  return { itemKey: `k${counter}`, contentHash: `h${counter}`, source: `f${counter}.txt`, outlet: `Outlet ${counter}`, title, published, authors: [], credits: [], cited: [], text, signature: new Uint32Array(128).fill(counter), messages: [] };
};

/** A store where every article sits in a story of its own (as a clusterer that never joins would leave it). */
async function scattered(t: { after(fn: () => void): void }): Promise<{ store: SqliteStore; file: string; ids: number[]; stories: number[] }> {
  const file = join(tempDir(t), 'store.db');
  const store = SqliteStore.open(file);
  t.after(() => void store.close().catch(() => undefined));
  const texts = [...FLOOD.map((text, i) => ({ text, day: 5 + i })), ...VOTE.map((text, i) => ({ text, day: 5 + i }))];
  const ids: number[] = [];
  const stories: number[] = [];
  for (const { text, day } of texts) {
    const story = await store.storyIndex.newStoryId();
    await store.storyIndex.saveStory({ id: story, vector: new Map(), size: 0 }, []);
    ids.push(await store.insertArticle(article(text, `2021-01-0${day}T10:00:00.000Z`, text.split(' ').slice(0, 8).join(' ')), story, [], false));
    stories.push(story);
  }
  return { store, file, ids, stories };
}

test('recluster: scattered articles gather into their stories, moves and emptied stories are recorded, old ids resolve', async (t) => {
  const { store, file, ids, stories } = await scattered(t);
  const summary = await recluster(store);
  assert.equal(summary.articles, 5);
  assert.equal(summary.reassigned, 5);
  assert.equal(summary.storiesBefore, 5);
  assert.equal(summary.storiesAfter, 2);
  assert.equal(summary.moved, 3, 'two floods and one vote join the story of the first of each');
  assert.equal(summary.merged, 3);
  const flood = await store.resolveStory(stories[1]!);
  const vote = await store.resolveStory(stories[4]!);
  assert.equal(flood, await store.resolveStory(stories[0]!));
  assert.equal(flood, await store.resolveStory(stories[2]!));
  assert.equal(vote, await store.resolveStory(stories[3]!));
  assert.notEqual(flood, vote);
  assert.deepEqual((await store.storyArticles(flood)).map((a) => a.id), ids.slice(0, 3));
  assert.equal((await store.getStory(flood))?.articleCount, 3);
  assert.equal((await store.getStory(flood))?.sourceCount, 3);
  // A second run with the same method changes nothing.
  assert.equal((await recluster(store)).moved, 0);
  await store.close();
  const db = new Database(file, { readonly: true });
  assert.equal(db.prepare(`SELECT COUNT(*) FROM article_moves WHERE reason = 'recluster'`).pluck().get(), 3);
  assert.equal(db.prepare('SELECT COUNT(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories WHERE article_count > 0)').pluck().get(), 0, 'no article is left in an empty story');
  db.close();
});

test('recluster --since: earlier articles keep their stories, later ones are assigned against them', async (t) => {
  const { store, stories } = await scattered(t);
  // Only the articles of 2021-01-06 on are assigned again: flood 2 and 3, vote 2.
  const summary = await recluster(store, { since: Date.parse('2021-01-06T00:00:00Z') });
  assert.equal(summary.reassigned, 3);
  assert.equal(await store.resolveStory(stories[0]!), stories[0], 'an article before the date keeps its story');
  assert.equal(await store.resolveStory(stories[3]!), stories[3]);
  const floods = new Set((await store.storyArticles(stories[0]!)).map((a) => a.text));
  assert.deepEqual(floods, new Set(FLOOD));
  assert.equal((await store.storyArticles(stories[3]!)).length, 2);
});
