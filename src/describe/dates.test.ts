// Tests of the date decision: publish time and last update apart, trust order, crawl-time fallback, provenance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Article } from '../article.js';
import { articleFromInput } from '../read/from-input.js';
import { prepare } from '../pipeline.js';
import { decideDates } from './dates.js';

const prose = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1}: the council met on Tuesday and voted, after a long debate, to fund the harbour plan for another year.</p>`).join('');

test('decideDates: the most trusted complete date wins; updates kept apart; an update before the publish time dropped', () => {
  const decided = decideDates([
    { kind: 'crawled', value: '2021-01-09T00:00:00Z', source: 'warc' },
    { kind: 'published', value: '2021-01-07T10:00:00Z', source: 'time' },
    { kind: 'published', value: '2021-01-07T09:00:00+09:00', source: 'json-ld' },
    { kind: 'modified', value: '2021-01-08T12:00:00Z', source: 'json-ld' },
  ]);
  assert.deepEqual(decided.published, { value: '2021-01-07T00:00:00.000Z', source: 'json-ld' });
  assert.deepEqual(decided.updated, { value: '2021-01-08T12:00:00.000Z', source: 'json-ld' });
  const same = decideDates([
    { kind: 'published', value: '2021-01-07T10:00:00Z', source: 'meta' },
    { kind: 'modified', value: '2021-01-07T10:00:00Z', source: 'meta' },
  ]);
  assert.equal(same.updated, undefined);
});

test('decideDates: a half date is rejected and the next candidate used; the crawl time only when nothing else', () => {
  const decided = decideDates([
    { kind: 'published', value: 'January 2021', source: 'meta' },
    { kind: 'published', value: '2021-01-07', source: 'time' },
    { kind: 'crawled', value: '2021-01-09T00:00:00Z', source: 'warc' },
  ]);
  assert.deepEqual(decided.published, { value: '2021-01-07', source: 'time' });
  assert.deepEqual(decided.rejected.map((c) => c.value), ['January 2021']);
  const crawl = decideDates([{ kind: 'crawled', value: '2021-01-09T00:00:00Z', source: 'warc' }]);
  assert.deepEqual(crawl.published, { value: '2021-01-09T00:00:00.000Z', source: 'warc' });
  const text = decideDates([{ kind: 'crawled', value: '2021-01-09T00:00:00Z', source: 'warc' }], 'Publish Date: 08 January 2021 - 21:17\n\nBody text.');
  assert.deepEqual(text.published, { value: '2021-01-08T21:17:00.000Z', source: 'text' });
});

test('an HTML page: JSON-LD datePublished and dateModified become published and updated, with provenance', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour plan', datePublished: '2021-01-07T10:30:00+09:00', dateModified: '2021-01-08T08:00:00+09:00' });
  const html = `<html><head><script type="application/ld+json">${ld}</script><link rel="canonical" href="https://news.example/harbour"></head><body><article>${prose}</article></body></html>`;
  const article = prepare(articleFromInput({ file: 'page.html' }, { html, url: 'https://news.example/harbour?utm_source=x' }), ['clean', 'describe']);
  assert.equal(article.published, '2021-01-07T01:30:00.000Z');
  assert.equal(article.provenance.published, 'json-ld');
  assert.equal(article.updated, '2021-01-07T23:00:00.000Z');
  assert.equal(article.provenance.updated, 'json-ld');
  assert.equal(article.url, 'https://news.example/harbour?utm_source=x');
  assert.equal(article.canonicalUrl, 'https://news.example/harbour');
  assert.equal(article.outlet, 'news.example');
  assert.equal(article.provenance.outlet, 'host');
});

test('an HTML page: meta modified time and a <time class="updated"> are updates, not publish times', () => {
  const html = `<html><head><meta property="og:site_name" content="The Example"><meta property="article:modified_time" content="2021-01-09T00:00:00Z"></head><body><article><time class="updated" datetime="2021-01-08T00:00:00Z">Updated</time><time datetime="2021-01-07">Jan 7</time>${prose}</article></body></html>`;
  const article = prepare(articleFromInput({ file: 'page.html' }, { html }), ['clean', 'describe']);
  assert.equal(article.published, '2021-01-07');
  assert.equal(article.provenance.published, 'time');
  assert.equal(article.updated, '2021-01-09T00:00:00.000Z');
  assert.equal(article.provenance.updated, 'meta');
  assert.equal(article.outlet, 'The Example');
  assert.equal(article.provenance.outlet, 'site-name');
});

test('input fields win over every candidate, and say so', () => {
  const article = prepare(new Article({ file: 'x.jsonl', line: 1 }, { text: 'Body text of the article, long enough to be one.', published: '2021-01-01T00:00:00.000Z', dates: [{ kind: 'published', value: '2021-02-02', source: 'meta' }] }), ['clean', 'describe']);
  assert.equal(article.published, '2021-01-01T00:00:00.000Z');
  assert.equal(article.provenance.published, 'input');
});
