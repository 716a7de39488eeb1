// Bad input for the brief: odd stories still get a brief (with fewer sections), valid against the schema, and nothing crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBrief } from '../../test/brief-schema.js';
import type { StorySummary } from '../store/store.js';
import { buildBriefOf, type BriefArticle } from './brief.js';

const story: StorySummary = { id: 7, title: 'Odd input', articleCount: 1, sourceCount: 1, firstSeen: null, lastSeen: null };

const article = (key: string, text: string, published?: string): BriefArticle => ({
  key, text, published, outlet: `Outlet ${key}`, source: `${key}.txt`, authors: [], credits: [], cited: [],
});

/** Build, validate against the schema, and check every span's text against its article. */
function brief(articles: BriefArticle[]) {
  const result = buildBriefOf({ ...story, articleCount: articles.length }, articles);
  assert.deepEqual(validateBrief(result), []);
  const spans = [
    ...result.timeline.flatMap((e) => e.sources),
    ...result.quotes.flatMap((q) => q.carriers),
    ...result.entities.map((e) => e.first),
    ...result.passages.flatMap((p) => p.carriers),
    ...result.claims.flatMap((c) => c.sources),
    ...result.singleSourceClaims.flatMap((s) => s.claims),
    ...result.conflicts.flatMap((c) => c.sides),
  ];
  for (const span of spans) assert.equal(articles[span.ref - 1]!.text.slice(span.start, span.end), span.text);
  return result;
}

const LEAD = 'Officials in Springfield said on Monday that the bridge would stay closed for three weeks while engineers inspect it.';

test('a story of one article gets a brief', () => {
  const result = brief([article('a', `${LEAD} "We are doing what we can," Mayor Jane Doe said.`, '2024-03-05T10:00:00Z')]);
  assert.equal(result.sources.length, 1);
  assert.ok(result.summary.length >= 1);
  assert.equal(result.passages.length, 0);
  assert.equal(result.story.independentSources, 1);
  assert.deepEqual([result.claims.length, result.conflicts.length], [0, 0]);
});

test('articles without any date: no timeline entry from them, no publish estimate, no crash', () => {
  const result = brief([
    article('a', 'The council met and the members argued about the budget for a long while before agreeing on nothing at all.'),
    article('b', 'Members of the council argued about the budget and agreed on nothing, a member of the public said afterwards.'),
  ]);
  assert.equal(result.timeline.length, 0);
  assert.ok(result.sources.every((s) => s.published === null));
});

test('a quote that never closes does not swallow the article or crash', () => {
  const text = `${LEAD} The mayor said: "We will reopen it as soon as we can and not a day later.\n\nTraffic was diverted through the town centre, police said.`;
  const result = brief([article('a', text, '2024-03-05T10:00:00Z')]);
  for (const q of result.quotes) assert.ok(q.text.length < text.length, 'no quote spans the whole text');
});

test('a 2,000-word sentence and text without capitals', () => {
  const words = Array.from({ length: 2000 }, (_, i) => ['the', 'council', 'said', 'that', 'budget', 'on', 'monday', 'road'][i % 8]).join(' ');
  const started = performance.now();
  brief([article('a', `${words}.`, '2024-03-05T10:00:00Z'), article('b', `officials said on tuesday that ${words.slice(0, 3000)}.`)]);
  assert.ok(performance.now() - started < 20_000, 'a long sentence must not make the brief crawl');
});

test('an article in another language and an empty one', () => {
  const german = 'Die Regierung in Berlin hat am Montag angekündigt, dass die Brücke drei Wochen lang gesperrt bleibt. „Wir tun, was wir können“, sagte die Bürgermeisterin.';
  const korean = '북한 김정은 국무위원장이 노동당 제8차 대회에서 대외관계를 전면적으로 확대 발전시키겠다고 밝혔다고 조선중앙통신이 보도했다.';
  const result = brief([article('de', german, '2024-03-05T10:00:00Z'), article('ko', korean), article('empty', '')]);
  assert.equal(result.sources.length, 3);
});

const WIRE = [
  LEAD,
  'The closure affects about 12,000 drivers a day, who will be sent through the town centre and over the river at Millford.',
  'The bridge, built in 1931, was last repaired in 2009, when engineers replaced part of its deck after a flood.',
  '"We would rather close it now than wait for something to go wrong," Mayor Jane Doe told reporters at the town hall.',
].join(' ');

test('a story whose articles are all copies of one text: 1 independent source, no conflicts', () => {
  const copies = ['a', 'b', 'c', 'd'].map((key, i) => article(key, i % 2 ? WIRE.replace('Officials in Springfield', 'SPRINGFIELD (AP) -- Officials in Springfield') : WIRE, `2024-03-0${5 + i}T10:00:00Z`));
  const result = brief(copies);
  assert.equal(result.story.independentSources, 1);
  assert.equal(result.story.originGroups.length, 1);
  assert.deepEqual(result.conflicts, []);
  assert.ok(result.claims.length >= 3 && result.claims.every((c) => c.independentSources === 1 && c.refs.length === 4));
  assert.deepEqual(result.singleSourceClaims, []);
});

test('sentences full of numbers (results tables) do not flood the brief with conflicts', () => {
  const table = (seed: number) =>
    Array.from({ length: 12 }, (_, i) => `Round ${i + 1}: Springfield ${(i * seed) % 5} Shelbyville ${(i + seed) % 4}, Capital City ${(i * 3 + seed) % 6} Ogdenville ${(seed + 2 * i) % 3}.`).join('\n');
  const result = brief([
    article('a', `${LEAD}\n${table(1)}`, '2024-03-05T10:00:00Z'),
    article('b', `${LEAD}\n${table(2)}`, '2024-03-05T11:00:00Z'),
    article('c', `${LEAD}\n${table(3)}`, '2024-03-05T12:00:00Z'),
  ]);
  assert.ok(result.conflicts.length <= 2, `expecting at most 2 conflicts, instead found ${result.conflicts.length}: ${JSON.stringify(result.conflicts.map((c) => c.values))}`);
  assert.ok(result.summary.every((s) => !/^Round \d/.test(s.text)), 'no table row in the summary');
});

test('articles in different languages: no conflict across languages, each its own source', () => {
  const english = 'Officials in Berlin said on Monday that the bridge would stay closed for three weeks while engineers inspect it.';
  const german = 'Die Behörden in Berlin sagten am Montag, dass die Brücke fünf Wochen lang gesperrt bleibt, während Ingenieure sie prüfen.';
  const result = brief([article('en', english, '2024-03-05T10:00:00Z'), article('de', german, '2024-03-05T10:00:00Z')]);
  assert.equal(result.story.independentSources, 2);
  assert.deepEqual(result.conflicts, []);
  assert.deepEqual(result.claims, []);
});
