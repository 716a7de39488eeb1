// Tests for the brief's renderers: article text stays text in HTML and Markdown, and reads cleanly on a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { StorySummary } from '../store/store.js';
import { buildBriefOf, type BriefArticle } from './brief.js';
import { escapeHtml, renderHtml } from './render-html.js';
import { escapeMarkdown, renderMarkdown } from './render-md.js';

const story: StorySummary = { id: 3, title: 'Mayor <b>warns</b> "residents"', articleCount: 2, sourceCount: 2, firstSeen: null, lastSeen: null };
const EVIL = 'Mayor Jane Doe said "<script>alert(1)</script> is not a [link](javascript:alert(1)) and *not* bold" on Monday, officials said.';
const article = (key: string, text: string, published: string): BriefArticle => ({
  key, text, published, title: `<img src=x onerror=alert(1)> ${key}`, outlet: `Outlet_${key}_`, source: `${key}.txt`, url: `javascript:alert('${key}')`, authors: [], credits: [], cited: [],
});
const brief = buildBriefOf(story, [
  article('a', `${EVIL} The bridge over the river stays closed for three weeks while engineers inspect its damaged supports.`, '2024-03-05T10:00:00Z'),
  article('b', `${EVIL} Traffic was diverted through the town centre for the whole of the week, police said.`, '2024-03-05T12:00:00Z'),
]);

test('HTML: one standalone page, all article text escaped, no script, no external resource, no live link', () => {
  const html = renderHtml(brief);
  assert.match(html, /^<!doctype html>/);
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('script, img, link, iframe, object, embed, base, form').length, 0, 'no active or loading element');
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      assert.doesNotMatch(name, /^on/i, `no event handler attribute on <${element.tagName}>`);
      if (name === 'href') assert.match(element.getAttribute(name)!, /^#source-\d+$/, 'links only point inside the page');
    }
  }
  assert.ok(html.includes('&#60;script&#62;'), 'the script tag is shown as text');
  assert.ok(html.includes("default-src 'none'"), 'a content security policy forbids loading anything');
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&`), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;');
});

test('Markdown: article text cannot become markup, links or HTML', () => {
  const md = renderMarkdown(brief);
  assert.doesNotMatch(md, /<script|<img|(?<!\\)\]\(javascript/);
  assert.ok(md.includes('\\[link\\]'), 'brackets are escaped');
  assert.ok(md.includes('\\*not\\*'), 'emphasis marks are escaped');
  assert.equal(escapeMarkdown('snake_case stays, _this_ is escaped, `code` too'), 'snake_case stays, \\_this\\_ is escaped, \\`code\\` too');
  assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
});

test('terminal: no stray Markdown escapes, our own refs as they are', () => {
  const plain = renderMarkdown(brief, { target: 'terminal' });
  assert.doesNotMatch(plain, /\\[[\]*_`]/, 'no backslash escapes');
  assert.ok(plain.includes('[link](javascript:alert(1))'), 'article text shown as it is (the CLI strips control characters)');
  assert.match(plain, /\[1\]\[2\]|\[1\]/);
  assert.doesNotMatch(plain, /\*\*/, 'no bold markers');
});
