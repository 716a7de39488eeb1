// Tests of the page's metadata candidates as read from markup: which elements count (selector matching as css-select does it), in document order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtmlPage } from './html.js';

// Values of type, rel and http-equiv match without case, other attribute values with it; <template> content is skipped;
// the first <title> in the document counts, even inside <svg> (as querySelector('title') finds it).
const PAGE = `<html><head>
<meta name="author" content="Ann Lee"><meta name="Author" content="Not Me"><meta property="author" content="Bo Chen">
<link rel="Canonical" href="/story">
<script type="Application/LD+JSON">{"@type":"NewsArticle","datePublished":"2020-01-01"}</script>
<meta http-equiv="Content-Language" content="de">
</head><body>
<template><h1>Template</h1><time datetime="2019-01-01">x</time></template>
<svg><title>Icon</title></svg><title>Real</title><h1>Headline</h1>
<span itemprop="DatePublished" content="2022-02-02"></span><span itemprop="datePublished" content="2021-01-01"></span>
<time class="updated" datetime="2021-02-01">u</time><time datetime="2021-03-01">p</time><time datetime="2021-04-01">p2</time>
</body></html>`;

test('metadata candidates come from the elements each selector matches, first in document order', () => {
  const page = readHtmlPage(PAGE, { url: 'https://base.example/p' });
  assert.deepEqual(page.metadata.titles, [
    { value: 'Icon', source: 'title' },
    { value: 'Headline', source: 'h1' },
  ]);
  assert.equal(page.metadata.headline, 'Headline');
  assert.deepEqual(page.metadata.authors, ['Ann Lee', 'Bo Chen']);
  assert.equal(page.metadata.canonicalUrl, 'https://base.example/story');
  assert.equal(page.metadata.language, 'de');
  assert.deepEqual(page.dates, [
    { kind: 'published', value: '2020-01-01', source: 'json-ld' },
    { kind: 'published', value: '2021-01-01', source: 'microdata' },
    { kind: 'modified', value: '2021-02-01', source: 'time' },
    { kind: 'published', value: '2021-03-01', source: 'time' },
  ]);
  assert.deepEqual(page.notes, []);
});
