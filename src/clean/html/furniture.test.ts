// Tests of the DOM furniture rules on small pages, before Readability sees them: what each rule takes out and what it must leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { DomDocument } from '../../text/dom.js';
import { removeFurniture } from './furniture.js';

const page = (body: string): DomDocument => parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document as unknown as DomDocument;
const paragraphs = (n: number, topic: string): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} on the ${topic}, long enough to be prose, says what happened and why it matters.</p>`).join('');
const card = (n: number): string =>
  `<article class="story-card"><a href="/other-${n}"><img src="${n}.jpg"></a><h2 class="headline"><a href="/other-${n}">Other story ${n}</a></h2><div class="description"><p>TEASER ${n}: what the other story is about.</p></div></article>`;

test('teaser cards: an <article> whose headline is a link goes; the page article stays, linked headline or not', () => {
  const document = page(`<section><article class="single-story"><h2><a href="/this">This story</a></h2>${paragraphs(3, 'harbour')}</article></section>
    <section class="wrapper"><div class="grid">${card(1)}${card(2)}${card(3)}</div></section>`);
  removeFurniture(document);
  const text = document.body!.textContent ?? '';
  assert.ok(!text.includes('TEASER'), text);
  assert.ok(text.includes('This story') && text.includes('Paragraph 3 on the harbour'));
});

test('teaser cards: the article with most prose is never a card, even among many bigger-looking cards', () => {
  const document = page(`<article><h1><a href="/this">Short story</a></h1><p>ONLY paragraph of a short story, a sentence or two.</p></article>${Array.from({ length: 12 }, (_, i) => card(i)).join('')}`);
  removeFurniture(document);
  const text = document.body!.textContent ?? '';
  assert.ok(text.includes('ONLY paragraph'));
  assert.ok(!text.includes('TEASER'));
});

test('nested articles: two or more inside one article go (related posts); a single nested article is left to Readability', () => {
  const post = (n: number): string => `<article class="post post-${n}"><img src="${n}.jpg"><p>NESTED ${n}: a related post of some length, printed in full.</p></article>`;
  const two = page(`<article class="post">${paragraphs(3, 'love')}</article><article class="post"><h3>You may like</h3>${post(2)}${post(3)}</article>`);
  removeFurniture(two);
  assert.ok(!(two.body!.textContent ?? '').includes('NESTED'));
  const one = page(`<article class="page"><article class="post">${paragraphs(3, 'love')}</article></article>`);
  removeFurniture(one);
  assert.ok((one.body!.textContent ?? '').includes('Paragraph 3 on the love'));
});

test('author bios and author detail boxes go (furniture words bio, author-details, author-info)', () => {
  const document = page(`<article>${paragraphs(4, 'harbour')}
    <div class="contributor-bio contributor-bio--align-left"><div class="contributor-bio__bio">BIOLEAK Jane Doe is a staff writer covering harbours.</div></div>
    <div class="author-details"><div class="col col--10-of-12 bio">DETAILSLEAK John Roe is a freelance writer living in a port town.</div></div>
    <ul class="author-info"><li>INFOLEAK Ann Example</li><li>Biography</li></ul></article>`);
  removeFurniture(document);
  const text = document.body!.textContent ?? '';
  for (const leak of ['BIOLEAK', 'DETAILSLEAK', 'INFOLEAK']) assert.ok(!text.includes(leak), `furniture leaked: ${leak}`);
  assert.ok(text.includes('Paragraph 4 on the harbour'));
});

test('live blogs keep their entries: nested in the story, or headlines that link to a place on the page', () => {
  const entry = (n: number): string => `<article class="entry"><h2><a href="#entry-${n}">Update ${n}</a></h2><p>ENTRY ${n}: the latest on the harbour vote, in a few sentences.</p></article>`;
  const nested = page(`<article class="liveblog"><h1>Harbour vote, live</h1>${entry(1)}${entry(2)}${entry(3)}</article>${card(1)}${card(2)}`);
  removeFurniture(nested);
  const text = nested.body!.textContent ?? '';
  for (const n of [1, 2, 3]) assert.ok(text.includes(`ENTRY ${n}`), `entry ${n} kept`);
  assert.ok(!text.includes('TEASER'));
  const flat = page(`<main>${entry(1)}${entry(2)}${entry(3)}</main>`);
  removeFurniture(flat);
  for (const n of [1, 2, 3]) assert.ok((flat.body!.textContent ?? '').includes(`ENTRY ${n}`), `top-level entry ${n} kept`);
});

test('an embedded post in a sidebar stays furniture: it is not lifted out of the <aside>', () => {
  const document = page(`<article>${paragraphs(4, 'harbour')}</article><aside><div class="widget"><blockquote class="twitter-tweet"><p>SIDEBARTWEET from the outlet's own account</p></blockquote></div></aside>`);
  removeFurniture(document);
  assert.ok(!(document.body!.textContent ?? '').includes('SIDEBARTWEET'));
});
