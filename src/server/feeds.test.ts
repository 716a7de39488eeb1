// Atom 1.0 and JSON Feed 1.1 of stories (all, per query, per outlet): well-formed, with the elements their specifications require.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser, parseHTML } from 'linkedom';
import { checkWellFormedXml } from '../../test/xml-check.js';
import { expectProblem, json, seededApp, UNRELATED, type SeededApp } from '../../test/server-fixture.js';

/** RFC 3339 date-time, as Atom and JSON Feed require. */
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const ATOM = 'http://www.w3.org/2005/Atom';

/** What these checks read of a parsed XML element. */
interface XmlElement {
  localName: string;
  children: ArrayLike<XmlElement>;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  links: { rel: string; href: string; type: string | null }[];
}

/** An Atom document checked for RFC 4287's required elements; its entries. */
function readAtom(xml: string): { id: string; title: string; updated: string; selfHref: string; entries: AtomEntry[] } {
  assert.equal(checkWellFormedXml(xml), 'feed');
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const feed = document.documentElement as unknown as XmlElement;
  assert.equal(feed.getAttribute('xmlns'), ATOM);
  const only = (parent: XmlElement, name: string): XmlElement => {
    const found = Array.from(parent.children).filter((c) => c.localName === name);
    assert.equal(found.length, 1, `exactly one <${name}> in <${parent.localName}>`);
    return found[0]!;
  };
  const links = (parent: XmlElement) => Array.from(parent.children).filter((c) => c.localName === 'link').map((l) => ({ rel: l.getAttribute('rel') ?? 'alternate', href: l.getAttribute('href') ?? '', type: l.getAttribute('type') }));
  const feedLinks = links(feed);
  const self = feedLinks.find((l) => l.rel === 'self');
  assert.ok(self, 'a rel="self" link');
  const entries = Array.from(feed.children).filter((c) => c.localName === 'entry');
  // RFC 4287 4.1.1: an author on the feed, or on every entry.
  assert.ok(Array.from(feed.children).some((c) => c.localName === 'author') || entries.every((e) => Array.from(e.children).some((c) => c.localName === 'author')), 'an author');
  const result = {
    id: only(feed, 'id').textContent!,
    title: only(feed, 'title').textContent!,
    updated: only(feed, 'updated').textContent!,
    selfHref: self.href,
    entries: entries.map((entry) => {
      const item = { id: only(entry, 'id').textContent!, title: only(entry, 'title').textContent!, updated: only(entry, 'updated').textContent!, links: links(entry) };
      assert.match(item.id, /^[a-z][a-z0-9+.-]*:\S+$/i, 'an entry id is an IRI');
      assert.match(item.updated, RFC3339);
      assert.ok(item.title.length > 0);
      // 4.1.2: without content, an entry must have an alternate link.
      assert.ok(item.links.some((l) => l.rel === 'alternate' && /^https?:\/\//.test(l.href)), 'an alternate link');
      return item;
    }),
  };
  assert.match(result.id, /^[a-z][a-z0-9+.-]*:[^\s?#]+$/i, 'the feed id is an IRI');
  assert.match(result.updated, RFC3339);
  assert.equal(new Set(result.entries.map((e) => e.id)).size, result.entries.length, 'entry ids are unique');
  for (const entry of result.entries) assert.ok(entry.updated <= result.updated, 'the feed is updated when its latest entry is');
  return result;
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  items: { id: string; url?: string; title?: string; content_text?: string; content_html?: string; date_modified?: string; date_published?: string }[];
}

/** A JSON Feed checked for version 1.1's required members. */
function readJsonFeed(text: string): JsonFeed {
  const feed = JSON.parse(text) as JsonFeed;
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(typeof feed.title, 'string');
  assert.ok(Array.isArray(feed.items));
  for (const item of feed.items) {
    assert.equal(typeof item.id, 'string');
    assert.ok(item.id.length > 0);
    assert.ok(typeof item.content_text === 'string' || typeof item.content_html === 'string', 'content_text or content_html');
    for (const date of [item.date_modified, item.date_published]) if (date !== undefined) assert.match(date, RFC3339);
    if (item.url) assert.match(item.url, /^https?:\/\//);
  }
  assert.equal(new Set(feed.items.map((i) => i.id)).size, feed.items.length, 'item ids are unique');
  return feed;
}

describe('feeds over the seeds and three unrelated stories', () => {
  let s: SeededApp;
  before(async () => {
    s = await seededApp();
    assert.equal((await s.app.request('/api/articles', json(UNRELATED))).status, 200);
  });
  after(() => s.close());

  const atom = async (query = ''): Promise<ReturnType<typeof readAtom>> => {
    const response = await s.app.request(`http://news.example/api/feeds/stories.atom${query}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    return readAtom(await response.text());
  };
  const feedJson = async (query = ''): Promise<JsonFeed> => {
    const response = await s.app.request(`http://news.example/api/feeds/stories.json${query}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/feed\+json/);
    return readJsonFeed(await response.text());
  };

  test('Atom of all stories: newest first, one entry per story, links to the story page and its JSON', async () => {
    const feed = await atom();
    assert.equal(feed.entries.length, 4);
    assert.equal(feed.selfHref, 'http://news.example/api/feeds/stories.atom');
    assert.equal(feed.updated, '2022-05-04T08:00:00.000Z', 'the latest story');
    assert.equal(feed.entries[0]!.title, 'City council approves new tram line to the airport');
    const updates = feed.entries.map((e) => e.updated);
    assert.deepEqual(updates, [...updates].sort().reverse());
    const id = Number(/(\d+)$/.exec(feed.entries[0]!.id)![1]);
    assert.deepEqual(feed.entries[0]!.links.map((l) => [l.rel, l.href]), [
      ['alternate', `http://news.example/stories/${id}`],
      ['related', `http://news.example/api/stories/${id}`],
    ]);
  });

  test('JSON Feed of all stories: the same stories, with feed and home URLs', async () => {
    const feed = await feedJson();
    assert.equal(feed.items.length, 4);
    assert.equal(feed.feed_url, 'http://news.example/api/feeds/stories.json');
    assert.equal(feed.home_page_url, 'http://news.example/');
    assert.deepEqual(feed.items.map((i) => i.id), (await atom()).entries.map((e) => e.id));
    assert.match(feed.items.find((i) => /Kim/.test(i.title ?? ''))!.content_text!, /4 articles from 4 sources/);
  });

  test('per query and per outlet: only the matching stories; each filtered feed has its own id and self link', async () => {
    const honey = await atom('?q=honey');
    assert.deepEqual(honey.entries.map((e) => e.title), ['Beekeepers report record honey harvest in the valley']);
    assert.match(honey.title, /matching “honey”/);
    assert.equal(honey.selfHref, 'http://news.example/api/feeds/stories.atom?q=honey');
    const herald = await atom('?outlet=heraldcorp.com');
    assert.equal(herald.entries.length, 1);
    assert.match(herald.entries[0]!.title, /Kim Jong Un/);
    assert.match(herald.title, /from heraldcorp\.com/);
    const ids = new Set([(await atom()).id, honey.id, herald.id, (await atom('?q=honey&outlet=farm.example')).id]);
    assert.equal(ids.size, 4, 'a feed id per filter');
    assert.deepEqual((await feedJson('?outlet=games.example')).items.map((i) => i.title), ['Teenager wins the national chess championship']);
    assert.deepEqual((await feedJson('?q=tram')).items.map((i) => i.title), ['City council approves new tram line to the airport']);
    assert.equal((await atom('?q=zebrafish')).entries.length, 0, 'an empty feed is still a valid feed');
    assert.equal((await feedJson('?q=zebrafish')).items.length, 0);
  });

  test('the story list links to the feed of what it shows', async () => {
    const { document } = parseHTML(await (await s.app.request('/?q=honey&outlet=farm.example')).text());
    const alternates = [...document.querySelectorAll('link[rel="alternate"]')].map((l) => [l.getAttribute('type'), l.getAttribute('title'), l.getAttribute('href')]);
    assert.deepEqual(alternates.slice(2), [
      ['application/atom+xml', 'newsfuse stories matching “honey” from farm.example', '/api/feeds/stories.atom?q=honey&outlet=farm.example'],
      ['application/feed+json', 'newsfuse stories matching “honey” from farm.example', '/api/feeds/stories.json?q=honey&outlet=farm.example'],
    ]);
    const shown = [...document.querySelectorAll('.results-meta a')].map((a) => [a.textContent, a.getAttribute('href')]);
    assert.deepEqual(shown, [
      ['Atom', '/api/feeds/stories.atom?q=honey&outlet=farm.example'],
      ['JSON Feed', '/api/feeds/stories.json?q=honey&outlet=farm.example'],
    ]);
  });

  test('limit bounds the entries; bad parameters are problems', async () => {
    assert.equal((await atom('?limit=2')).entries.length, 2);
    assert.equal((await feedJson('?limit=1')).items.length, 1);
    await expectProblem(await s.app.request('/api/feeds/stories.json?limit=0'), 400, 'limit 0');
    await expectProblem(await s.app.request('/api/feeds/stories.atom?q=' + 'x'.repeat(600)), 400, 'long q');
  });

  test('a story joined by a new article moves up with its new update time', async () => {
    await s.app.request('/api/articles', json({ ...UNRELATED[0], id: 'bee-late', outlet: 'late.example', published: '2022-06-01T12:00:00Z', text: `${UNRELATED[0]!.text} Late in the season the cooperative opened a honey museum in the valley.` }));
    const feed = await atom();
    assert.equal(feed.entries[0]!.title, 'Beekeepers report record honey harvest in the valley');
    assert.equal(feed.entries[0]!.updated, '2022-06-01T12:00:00.000Z');
    assert.equal(feed.updated, '2022-06-01T12:00:00.000Z');
  });
});
