// Tests of the HTML path (read: DOM and candidates; clean: body; describe: fields) on small inline pages: furniture, layout, metadata, broken markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDate } from './text/dates.js';
import { stripTitleSuffix } from './text/title-suffix.js';
import { articleFromInput } from './read/from-input.js';
import { prepare } from './pipeline.js';
import { bylineAuthors } from './describe/page-byline.js';

interface PageResult {
  title?: string;
  text: string;
  published?: string;
  authors: string[];
  byline?: string;
  outlet?: string;
  url?: string;
  canonicalUrl?: string;
  language?: string;
  notes: { rule: string; reason: string }[];
}

/** One page through read, clean and describe, as `extract` gives it. */
function extractHtml(html: string, options: { url?: string } = {}): PageResult {
  const article = prepare(articleFromInput({ file: 'page.html' }, { html, url: options.url }), ['clean', 'describe']);
  return {
    title: article.title,
    text: article.text,
    published: article.published,
    authors: article.authors,
    byline: article.authors.join(', ') || undefined,
    outlet: article.outlet,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    language: article.language,
    notes: article.messages,
  };
}

const publishedOf = (page: PageResult): string | undefined => page.published;

const prose = (n: number, topic = 'harbour'): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about the ${topic} explains, in plain words and at some length, what the council decided on Tuesday and why the vote mattered to residents.</p>`).join('\n');

/** A news page with the usual furniture around a six-paragraph story. */
const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Council approves harbour plan | The Daily Example</title>
  <meta property="og:site_name" content="The Daily Example">
  <meta property="article:published_time" content="2021-01-07T10:30:00+09:00">
  <meta name="author" content="By Jane Doe">
  <link rel="canonical" href="https://example.com/news/harbour">
  <style>.story p { color: red } STYLELEAK</style>
  <script>var SCRIPTLEAK = 1;</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World news and more navigation links</a></nav>
  <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies and continue.</div>
  <main>
    <article>
      <h1>Council approves harbour plan</h1>
      <div class="social-share">Share on Facebook Share on Twitter Email this article</div>
      <div class="story-body">
        ${prose(3)}
        <h2>What happens next</h2>
        <ul><li>Work starts in spring with the northern quay.</li><li>The ferry moves to a temporary pier until autumn.</li></ul>
        <figure><img src="x.jpg"><figcaption>The harbour at dawn. Photo: Agency CAPTIONLEAK</figcaption></figure>
        ${prose(3, 'ferry')}
        <div class="newsletter-signup">Sign up for our newsletter NEWSLETTERLEAK to get the morning briefing.</div>
        <ul class="links"><li><a href="/a">Related story one RELATEDLEAK</a></li><li><a href="/b">Related story two</a></li></ul>
      </div>
      <section id="comments"><h3>Comments</h3><p>COMMENTLEAK First! This is a reader comment about something else entirely.</p></section>
    </article>
  </main>
  <aside><h3>Most popular</h3><p>POPULARLEAK A different story that is popular today with many readers.</p></aside>
  <footer><p>Copyright The Daily Example. FOOTERLEAK All rights reserved.</p></footer>
  <script>document.write('SCRIPTLEAK2')</script>
</body>
</html>`;

test('keeps the story paragraphs, each on its own line separated by blank lines', () => {
  const page = extractHtml(PAGE);
  const paragraphs = page.text.split('\n\n');
  assert.ok(paragraphs.some((p) => p.startsWith('Paragraph 1 about the harbour')));
  assert.ok(paragraphs.some((p) => p.startsWith('Paragraph 3 about the ferry')));
  for (const p of paragraphs) assert.ok(!/\n|\s{2}/.test(p), `a paragraph holds no newline or double space: ${JSON.stringify(p)}`);
  assert.equal(page.text.match(/Paragraph \d about/g)?.length, 6);
});

test('headings and list items are lines of their own', () => {
  const lines = extractHtml(PAGE).text.split('\n\n');
  assert.ok(lines.includes('What happens next'));
  assert.ok(lines.includes('Work starts in spring with the northern quay.'));
  assert.ok(lines.includes('The ferry moves to a temporary pier until autumn.'));
});

test('removes furniture: nav, share, newsletter, related links, comments, aside, footer, cookies, captions', () => {
  const text = extractHtml(PAGE).text;
  for (const leak of ['Share on Facebook', 'NEWSLETTERLEAK', 'RELATEDLEAK', 'COMMENTLEAK', 'POPULARLEAK', 'FOOTERLEAK', 'CAPTIONLEAK', 'cookies', 'navigation links']) {
    assert.ok(!text.includes(leak), `furniture leaked: ${leak}`);
  }
});

test('script and style content never leaks into the text', () => {
  const text = extractHtml(PAGE).text;
  assert.ok(!/SCRIPTLEAK|STYLELEAK|color: red|document\.write/.test(text));
  const fallback = extractHtml('<p>Short <script>alert("SCRIPTLEAK")</script>text <style>p{}</style>here.</p>').text;
  assert.ok(!/SCRIPTLEAK|p\{\}/.test(fallback));
});

test('the headline printed in the body is not repeated in the text', () => {
  assert.ok(!extractHtml(PAGE).text.includes('Council approves harbour plan'));
});

test('metadata from meta tags: title without site suffix, published, author, outlet, url, language', () => {
  const page = extractHtml(PAGE, { url: 'https://example.com/news/harbour?utm=1' });
  assert.equal(page.title, 'Council approves harbour plan');
  assert.equal(publishedOf(page), '2021-01-07T01:30:00.000Z');
  assert.deepEqual(page.authors, ['Jane Doe']);
  assert.equal(page.byline, 'Jane Doe');
  assert.equal(page.outlet, 'The Daily Example');
  assert.equal(page.url, 'https://example.com/news/harbour?utm=1', 'the URL it was read from stays the URL');
  assert.equal(page.canonicalUrl, 'https://example.com/news/harbour');
  assert.equal(page.language, 'en');
});

test('metadata from JSON-LD: headline, datePublished, author objects, publisher name', () => {
  const html = `<html lang="DE-at"><head><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Site' },
      {
        '@type': 'NewsArticle',
        headline: 'Ein Titel aus JSON-LD',
        datePublished: '2020-03-04T05:06:07Z',
        author: [{ '@type': 'Person', name: 'Anna Beispiel' }, { '@type': 'Person', name: 'Ben Muster' }],
        publisher: { '@type': 'Organization', name: 'Beispiel Zeitung' },
      },
    ],
  })}</script></head><body>${prose(5)}</body></html>`;
  const page = extractHtml(html, { url: 'https://zeitung.example/a' });
  assert.equal(page.title, 'Ein Titel aus JSON-LD');
  assert.equal(publishedOf(page), '2020-03-04T05:06:07.000Z');
  assert.deepEqual(page.authors, ['Anna Beispiel', 'Ben Muster']);
  assert.equal(page.outlet, 'Beispiel Zeitung');
  assert.equal(page.url, 'https://zeitung.example/a', 'no canonical: the given url');
  assert.equal(page.language, 'de');
});

test('published from <time datetime> and itemprop=datePublished', () => {
  const time = extractHtml(`<html><body><time datetime="2019-11-18">Nov 18</time>${prose(5)}</body></html>`);
  assert.equal(publishedOf(time), '2019-11-18');
  const itemprop = extractHtml(`<html><body><span itemprop="datePublished" content="2019-11-18T16:07:38-0600"></span>${prose(5)}</body></html>`);
  assert.equal(publishedOf(itemprop), '2019-11-18T22:07:38.000Z');
});

test('title from <h1> when the page has no <title> or og:title; og:url as url', () => {
  const page = extractHtml(`<html><head><meta property="og:url" content="https://x.example/s"></head><body><h1>Only a heading</h1>${prose(5)}</body></html>`);
  assert.equal(page.title, 'Only a heading');
  assert.equal(page.url, 'https://x.example/s');
});

test('dates are normalised to ISO 8601 and placeholders refused', () => {
  assert.equal(normalizeDate('2021-01-07T10:30:00+0900'), '2021-01-07T01:30:00.000Z');
  assert.equal(normalizeDate('2021-01-07 10:30'), '2021-01-07T10:30:00');
  assert.equal(normalizeDate('Thu, 07 Jan 2021 10:30:00 GMT'), '2021-01-07T10:30:00.000Z');
  assert.equal(normalizeDate('0001-01-01T00:00:00Z'), undefined);
  assert.equal(normalizeDate('yesterday-ish'), undefined);
});

test('byline junk is dropped', () => {
  assert.deepEqual(bylineAuthors('By Jane Doe and John Roe'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(bylineAuthors('Email the author'), []);
  assert.deepEqual(bylineAuthors('By'), []);
  assert.deepEqual(bylineAuthors('Jane Doe, Follow @janedoe'), ['Jane Doe']);
  assert.deepEqual(bylineAuthors('Rachael Link, MS, RD'), ['Rachael Link']);
  assert.deepEqual(bylineAuthors('Jeff Foust — November 18, 2019'), ['Jeff Foust']);
  assert.deepEqual(bylineAuthors('TOM KRISHER, AP Auto Writer'), ['TOM KRISHER']);
});

test('title suffixes: site name, bars and dashes; a dash inside a headline stays', () => {
  assert.equal(stripTitleSuffix('Kim calls for ties – The Korea Herald'), 'Kim calls for ties');
  assert.equal(stripTitleSuffix('Kim calls for ties - Korea Herald', 'Korea Herald'), 'Kim calls for ties');
  assert.equal(stripTitleSuffix('North Korea - a party congress in winter'), 'North Korea - a party congress in winter');
});

test('falls back to <p> text with a note when Readability finds no article', () => {
  // Readability drops <aside> as unlikely content; our furniture rule keeps it because it holds all the text.
  const page = extractHtml('<html><body><aside><p>One short line.</p><p>Another short line.</p></aside></body></html>');
  assert.equal(page.text, 'One short line.\n\nAnother short line.');
  assert.ok(page.notes.some((n) => n.rule === 'clean:fallback'));
});

test('an HTML fragment without <html> or <body> is read like a page', () => {
  const page = extractHtml('<p>First paragraph of a fragment.</p><p>Second paragraph of it.</p>');
  assert.equal(page.text, 'First paragraph of a fragment.\n\nSecond paragraph of it.');
  assert.ok(!page.notes.some((n) => n.rule === 'clean:fallback'));
});

test('broken markup never throws and still yields text', () => {
  const broken = [
    '<html><body><p>Unclosed <b>bold <i>and italic<p>Next paragraph about the same thing.</div></span>',
    '<<<>>><p>Text after garbage</p><script>unterminated',
    '<html><head><script type="application/ld+json">{not json</script></head><body><p>Body text here.</p></body></html>',
    '',
    '\u0000\u0001binary\uFFFD<p',
  ];
  for (const html of broken) {
    const page = extractHtml(html);
    assert.equal(typeof page.text, 'string');
    assert.ok(Array.isArray(page.notes));
  }
  assert.ok(extractHtml(broken[0]!).text.includes('Next paragraph about the same thing.'));
  assert.ok(extractHtml(broken[2]!).notes.some((n) => n.rule === 'describe:json-ld'));
  assert.ok(extractHtml(broken[3]!).notes.some((n) => n.rule === 'clean:empty'));
});

/** Prose of some length for the rule tests below, so Readability scores the containers as article text. */
const sentences = (n: number, topic: string): string =>
  Array.from({ length: n }, (_, i) => `Sentence ${i + 1} on the ${topic} goes on for a while, with commas, clauses and enough words to count as prose.`).join(' ');

test('teaser cards of other stories go: <article>s with a linked headline, and two or more <article>s nested in another', () => {
  const card = (n: number): string =>
    `<article class="story-card"><h2><a href="/other-${n}">Other story ${n} headline</a></h2><p>TEASERLEAK ${n}: ${sentences(2, `other story ${n}`)}</p></article>`;
  const grid = extractHtml(`<html><body><main><article class="story"><h1>Harbour plan approved</h1>${prose(6)}</article>
    <section>${card(1)}${card(2)}${card(3)}</section></main></body></html>`);
  assert.equal(grid.text.match(/Paragraph \d about/g)?.length, 6);
  assert.ok(!grid.text.includes('TEASERLEAK'), grid.text);

  // A blog theme prints related posts as articles nested in a second article (no headline, an image and a paragraph).
  const post = (n: number): string => `<article class="postbox post-${n}"><img src="${n}.jpg"><p>NESTEDLEAK ${n}: ${sentences(3, `old post ${n}`)}</p></article>`;
  const nested = extractHtml(`<html><body><div id="primary"><article class="postbox post-1"><h1>Only love</h1><p>${sentences(5, 'love')}</p></article>
    <article class="postbox post-1"><h3>You may like</h3>${post(2)}${post(3)}${post(4)}${post(5)}</article></div></body></html>`);
  assert.ok(nested.text.includes('Sentence 5 on the love'));
  assert.ok(!nested.text.includes('NESTEDLEAK'), nested.text);

  // The page's own article keeps its linked headline (blog themes link it to the permalink) and its text.
  const linked = extractHtml(`<html><body><article><h1><a href="/harbour">Harbour plan approved</a></h1>${prose(4)}</article>${card(1)}</body></html>`);
  assert.equal(linked.text.match(/Paragraph \d about/g)?.length, 4);
});

test('a pop-up card inside a sentence goes; the linked name that opens it stays', () => {
  const popup = `<span class="rollover-people"><a class="rollover-people-link" href="/people/jane-roe">Jane Roe</a><span class="rollover-people-block"><span class="rollover-block"><img src="j.jpg"><a href="/people/jane-roe">Jane Roe</a><a href="/a">POPUPLEAK one other story</a> <a href="/b">Another story about something else</a></span></span></span>`;
  const page = extractHtml(`<html><body><article><p>The mayor thanked Councillor ${popup} (Green) for the plan on Tuesday.</p>${prose(5)}</article></body></html>`);
  assert.ok(page.text.includes('The mayor thanked Councillor Jane Roe (Green) for the plan on Tuesday.'), page.text);
  assert.ok(!page.text.includes('POPUPLEAK'));
});

test('an embedded post the story quotes stays, though its wrapper says "social"', () => {
  const tweet = `<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">The harbour vote is in and the plan passed, finally: <a href="https://t.co/abc">https://t.co/abc</a></p>— Resident (@resident) <a href="https://twitter.com/resident/status/1">January 5, 2021</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script></div>`;
  const page = extractHtml(`<html><body><article>${prose(3)}${tweet}${prose(3, 'ferry')}</article></body></html>`);
  assert.ok(page.text.includes('The harbour vote is in and the plan passed'), page.text);
  assert.equal(page.text.match(/Paragraph \d about/g)?.length, 6);
});
