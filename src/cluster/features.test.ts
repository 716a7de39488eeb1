// Tests for story terms: views, number terms as written, names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyTerms } from './features.js';

const numbers = (counts: Map<string, number>): string[] => [...counts.keys()].filter((key) => key.startsWith('d:')).sort();

test('number terms are whole figures; numbers glued to words and days after a month are not', () => {
  const counts = storyTerms(undefined, 'COVID-19 cases rose 12% to 1,250 on March 3, 2020, the G20 said; 3.5 million doses and 7 trucks.');
  assert.deepEqual(numbers(counts), ['d:12', 'd:1250', 'd:2020', 'd:3.5', 'd:mar-3']);
});

test('story terms carry views: content and title words stemmed, names from capitals not opening a sentence', () => {
  const counts = storyTerms('Floods hit valley', 'Heavy rain flooded the valley, officials in Dhaka said.');
  assert.ok(counts.has('w:flood') && counts.has('t:flood'));
  assert.ok(counts.has('n:dhaka'));
  assert.equal(counts.has('n:heavy'), false, 'a capital opening the text is not a name');
});

test('the dateline place counts as names, from the describe stage or from the stored dateline text', async () => {
  const { datelinePlace } = await import('./features.js');
  const text = 'NAIROBI, Kenya (AP) — Heavy rain flooded the city on Monday.';
  const plain = storyTerms(undefined, text);
  assert.equal(plain.has('n:nairobi'), false, 'a capitalised word opening the text is not a name by the capital rule');
  const placed = storyTerms(undefined, text, undefined, 'NAIROBI, Kenya');
  assert.equal(placed.get('n:nairobi'), 1);
  assert.ok(placed.has('n:kenya'));
  assert.equal(datelinePlace('NAIROBI, Kenya (AP) —'), 'NAIROBI, Kenya');
  assert.equal(datelinePlace('SEOUL --'), 'SEOUL');
  assert.equal(datelinePlace(undefined), undefined);
});

test('articleStoryTerms from the shared body tokens equal storyTerms of title, text, URL and dateline place, and are kept on the article', async () => {
  const { Article } = await import('../article.js');
  const { articleStoryTerms } = await import('./features.js');
  const text = Array.from({ length: 120 }, (_, i) => `Word${i % 37} said the river ${i + 10} council of Koblenz`).join('. ');
  const article = new Article({ file: 'f' }, { title: 'River council meets', text, url: 'https://example.com/2021/01/river-council-meets-in-koblenz' });
  article.data.dateline = { place: 'KOBLENZ, Germany', start: 0, end: 0 };
  const terms = articleStoryTerms(article);
  assert.deepEqual([...terms], [...storyTerms(article.title, article.text, article.url, 'KOBLENZ, Germany')]);
  assert.equal(articleStoryTerms(article), terms, 'made once');
});
