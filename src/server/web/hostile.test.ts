// A hostile article (script tags, event handlers, javascript: links, right-to-left overrides, a 1 MB title) stays inert text on every page and in the feeds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { checkWellFormedXml } from '../../../test/xml-check.js';
import { json, seededApp, type SeededApp } from '../../../test/server-fixture.js';
import { CONTENT_SECURITY_POLICY } from '../app.js';

const RLO = '\u202E';
const PDF = '\u202C';
const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">click</a> <svg onload=alert(6)></svg> ${RLO}gpj.exe${PDF}`;
const MEGABYTE_TITLE = `${EVIL} ${'T'.repeat(1024 * 1024)}`;
const TEXT = `Officials in the harbour town said on Monday that the new lighthouse would open in spring. ${EVIL} The lighthouse keeper said the lamp can be seen forty kilometres out at sea. Fishermen welcomed the news and said the old light had failed twice last winter, leaving boats to find the harbour mouth by the church bells.`;

const HOSTILE = [
  { id: 'h1', outlet: `evil.example<script>alert(7)</script>${RLO}`, url: 'javascript:alert(4)', title: MEGABYTE_TITLE, text: TEXT, published: '2023-01-01T00:00:00Z', authors: ['<b onmouseover=alert(5)>Bob</b>'] },
  { id: 'h2', outlet: 'mirror.example', url: ' JaVaScRiPt:alert(8)', title: `Lighthouse ${EVIL}`, text: `${TEXT} A second paragraph was added by the mirror about the keeper's cat.`, published: '2023-01-01T02:00:00Z' },
];

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Everything in an HTML page that could run code or turn text around. */
function assertInert(html: string, where: string): void {
  const { document } = parseHTML(html);
  const scripts = [...document.querySelectorAll('script')];
  assert.deepEqual(scripts.map((s) => [s.getAttribute('src'), s.textContent]), [['/assets/app.js', '']], `${where}: only the app's own script`);
  for (const element of [...document.querySelectorAll('*')]) {
    for (const { name, value } of [...element.attributes]) {
      assert.ok(!/^on/i.test(name), `${where}: event handler attribute ${name} on <${element.localName}>`);
      assert.ok(name !== 'style' && name !== 'srcdoc', `${where}: ${name} attribute`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data'].includes(name)) {
        assert.ok(!/^\s*(javascript|data|vbscript):/i.test(value), `${where}: ${name}="${value.slice(0, 40)}"`);
      }
      // An option's value is form data sent back as it is (the outlet filter must match exactly), never shown.
      if (!(element.localName === 'option' && name === 'value')) assert.ok(!BIDI.test(value), `${where}: a bidi control in the ${name} attribute of <${element.localName}>`);
    }
  }
  for (const tag of ['img', 'svg', 'iframe', 'object', 'embed', 'style', 'base', 'form[action^="javascript"]']) {
    assert.equal(document.querySelectorAll(tag).length, 0, `${where}: no <${tag}>`);
  }
  assert.ok(!BIDI.test(html), `${where}: no bidi control is sent raw (each is shown as its code)`);
  assert.ok(html.length < 300_000, `${where}: the 1 MB title is cut (page is ${html.length} characters)`);
}

describe('a hostile article', () => {
  let s: SeededApp;
  let story: number;
  let first: number;
  let second: number;
  before(async () => {
    s = await seededApp({}, false);
    const result = (await (await s.app.request('/api/articles', json(HOSTILE))).json()) as { new: number; items: { article: number; story: number }[] };
    assert.equal(result.new, 2, JSON.stringify(result).slice(0, 500));
    [first, second] = result.items.map((i) => i.article) as [number, number];
    story = result.items[0]!.story;
    assert.equal(result.items[1]!.story, story, 'the copy joins the same story');
  });
  after(() => s.close());

  test('the article keeps its text as given (the API returns data; pages make it inert)', async () => {
    const article = (await (await s.app.request(`/api/articles/${first}`)).json()) as { title: string; text: string };
    assert.ok(article.text.includes('<script>alert(1)</script>'));
    assert.ok(article.title.length > 1_000_000, 'the store keeps the whole title');
  });

  for (const [name, path] of [
    ['story list', () => '/'],
    ['search results', () => `/?q=lighthouse`],
    ['story page', () => `/stories/${story}`],
    ['article page', () => `/articles/${first}`],
    ['article page of the copy', () => `/articles/${second}`],
    ['side by side', () => `/compare?a=${first}&b=${second}`],
  ] as const) {
    test(`${name}: scripts, handlers and javascript: links are text; bidi overrides shown as codes; the title is cut; strict CSP`, async () => {
      const response = await s.app.request(path());
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      const html = await response.text();
      assertInert(html, name);
      const { document } = parseHTML(html);
      const shown = document.querySelector('main')!.textContent ?? '';
      assert.ok(shown.includes('<script>alert(1)</script>'), `${name}: the markup is shown as the text it is`);
      assert.ok(shown.includes('U+202E'), `${name}: the right-to-left override is shown as its code`);
    });
  }

  test('the story page shows the javascript: URLs as text, never as links', async () => {
    const html = await (await s.app.request(`/stories/${story}`)).text();
    const { document } = parseHTML(html);
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    assert.ok(hrefs.every((h) => h.startsWith('/') || h.startsWith('#') || /^https?:\/\//.test(h)), hrefs.filter((h) => !h.startsWith('/') && !h.startsWith('#')).join(', '));
    assert.ok((document.querySelector('main')!.textContent ?? '').includes('javascript:alert(4)'));
  });

  test('Atom feed: well-formed XML; the title is text, cut, without bidi controls', async () => {
    const response = await s.app.request('/api/feeds/stories.atom');
    const xml = await response.text();
    assert.equal(checkWellFormedXml(xml), 'feed');
    assert.ok(xml.length < 20_000, `the 1 MB title is cut (feed is ${xml.length} characters)`);
    assert.ok(!BIDI.test(xml));
    assert.ok(!/<script/i.test(xml) && !/<img/i.test(xml), 'no markup from the article');
    assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the markup escaped as text');
  });

  test('JSON Feed: the title is cut, without bidi controls; no HTML content', async () => {
    const feed = (await (await s.app.request('/api/feeds/stories.json')).json()) as { items: Record<string, unknown>[] };
    for (const item of feed.items) {
      assert.ok((item.title as string).length <= 301);
      assert.ok(!BIDI.test(JSON.stringify(item)));
      assert.equal(item.content_html, undefined, 'text only: a reader renders no HTML from the store');
    }
  });
});
