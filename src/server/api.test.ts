// Tests of the JSON API through app.request (no socket): listing, search, filters, cursors, a story with its brief and ETag, articles, outlets, ingestion by POST.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { json, seededApp, UNRELATED, type SeededApp } from '../../test/server-fixture.js';

interface Listing {
  id: number;
  title: string;
  articleCount: number;
  sourceCount: number;
  independentSources: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  links: { self: string; html: string };
}
interface Page {
  stories: Listing[];
  next: string | null;
  links: { next: string | null };
}

describe('API over the seeds and three unrelated articles', () => {
  let s: SeededApp;
  let seedStory: number;
  const get = async <T>(path: string): Promise<T> => {
    const response = await s.app.request(path);
    const body = await response.text();
    assert.equal(response.status, 200, `GET ${path}: ${body.slice(0, 300)}`);
    return JSON.parse(body) as T;
  };
  const ids = (page: Page): number[] => page.stories.map((x) => x.id);

  before(async () => {
    s = await seededApp();
    const posted = await s.app.request('/api/articles', json(UNRELATED));
    assert.equal(posted.status, 200, await posted.clone().text());
    const result = (await posted.json()) as { new: number; newStories: number };
    assert.equal(result.new, 3);
    assert.equal(result.newStories, 3, 'three unrelated subjects, three stories');
    const all = await get<Page>('/api/stories?order=largest');
    seedStory = all.stories[0]!.id;
  });
  after(() => s.close());

  test('GET /api/stories: four stories, newest first, with links; the seed story has 4 articles from 4 sources', async () => {
    const page = await get<Page>('/api/stories');
    assert.equal(page.stories.length, 4);
    assert.equal(page.next, null);
    assert.equal(page.links.next, null);
    const seeds = page.stories.find((x) => x.id === seedStory)!;
    assert.equal(seeds.articleCount, 4);
    assert.equal(seeds.sourceCount, 4);
    assert.equal(seeds.firstSeen, '2021-01-08T21:17:00.000Z');
    assert.deepEqual(seeds.links, { self: `/api/stories/${seedStory}`, html: `/stories/${seedStory}` });
    assert.deepEqual(
      page.stories.map((x) => x.title),
      ['City council approves new tram line to the airport', 'Teenager wins the national chess championship', 'Beekeepers report record honey harvest in the valley', seeds.title],
      'newest (latest article) first',
    );
    const largest = await get<Page>('/api/stories?order=largest');
    assert.equal(largest.stories[0]!.id, seedStory);
  });

  test('q searches the full-text index of titles and texts; FTS syntax in q is taken as words, not operators', async () => {
    assert.deepEqual(ids(await get<Page>('/api/stories?q=honey')), [ids(await get<Page>('/api/stories?q=beekeepers'))[0]]);
    assert.deepEqual(ids(await get<Page>('/api/stories?q=Gavi')), [seedStory], 'a word from the text of one seed');
    assert.deepEqual(ids(await get<Page>('/api/stories?q=honey%20checkmate')), [], 'all words in one article');
    assert.deepEqual(ids(await get<Page>('/api/stories?q=zebrafish')), []);
    for (const hostile of ['"', 'honey"', 'NEAR(honey tram)', 'honey OR tram', 'title:honey', '*', '-', '^tram', 'honey AND']) {
      const response = await s.app.request(`/api/stories?q=${encodeURIComponent(hostile)}`);
      assert.equal(response.status, 200, `q=${hostile}: ${await response.clone().text()}`);
      const page = (await response.json()) as Page;
      if (hostile === 'honey OR tram') assert.deepEqual(page.stories, [], '"OR" is a word to find, not an operator');
    }
  });

  test('filters: outlet, language, time range, minimum sources and independent sources', async () => {
    const [bees] = ids(await get<Page>('/api/stories?q=honey'));
    assert.deepEqual(ids(await get<Page>('/api/stories?outlet=farm.example')), [bees]);
    assert.deepEqual(ids(await get<Page>('/api/stories?outlet=heraldcorp.com')), [seedStory]);
    assert.deepEqual(ids(await get<Page>('/api/stories?outlet=nowhere.example')), []);
    assert.equal((await get<Page>('/api/stories?language=en')).stories.length, 4);
    assert.deepEqual(ids(await get<Page>('/api/stories?language=fr')), []);
    assert.deepEqual(ids(await get<Page>('/api/stories?from=2022-05-03&to=2022-05-03')), ids(await get<Page>('/api/stories?q=chess')), 'a bare "to" date covers the whole day');
    assert.deepEqual(ids(await get<Page>('/api/stories?to=2021-12-31')), [seedStory]);
    assert.deepEqual(ids(await get<Page>('/api/stories?from=2022-05-04T00:00:00Z')).length, 1);
    assert.deepEqual(ids(await get<Page>('/api/stories?minSources=4')), [seedStory]);
    assert.deepEqual(ids(await get<Page>('/api/stories?minSources=5')), []);
    assert.deepEqual(ids(await get<Page>('/api/stories?minIndependent=2')), [seedStory]);
    assert.deepEqual(ids(await get<Page>('/api/stories?outlet=&q=')).length, 4, 'empty fields (as a form sends them) are no filter');
  });

  test('cursor paging: limit=1 walks every story once, in order; a cursor of another order is refused', async () => {
    for (const order of ['newest', 'largest', 'independent']) {
      const whole = ids(await get<Page>(`/api/stories?order=${order}`));
      const walked: number[] = [];
      let path: string | null = `/api/stories?order=${order}&limit=1`;
      while (path) {
        const page: Page = await get<Page>(path);
        assert.ok(page.stories.length <= 1);
        walked.push(...ids(page));
        assert.equal(page.links.next === null, page.next === null);
        if (page.links.next) assert.match(page.links.next, new RegExp(`^/api/stories\\?.*order=${order}`), 'the next link keeps the query');
        path = page.links.next;
        assert.ok(walked.length <= 4, 'paging ends');
      }
      assert.deepEqual(walked, whole, `order=${order}`);
    }
    const first = await get<Page>('/api/stories?order=newest&limit=1');
    const other = await s.app.request(`/api/stories?order=largest&limit=1&cursor=${encodeURIComponent(first.next!)}`);
    assert.equal(other.status, 400);
  });

  test('GET /api/stories/{id}: the story and its brief with every section; ETag, and 304 for If-None-Match', async () => {
    const response = await s.app.request(`/api/stories/${seedStory}`);
    assert.equal(response.status, 200);
    const etag = response.headers.get('etag');
    assert.match(etag ?? '', /^"[^"]+"$/, 'a strong entity tag');
    const body = (await response.json()) as { story: Listing; version: number; brief: Record<string, unknown> };
    assert.equal(body.story.id, seedStory);
    assert.equal(body.story.articleCount, 4);
    for (const section of ['story', 'sources', 'summary', 'timeline', 'quotes', 'entities', 'passages', 'agencies', 'claims', 'singleSourceClaims', 'conflicts', 'notes']) {
      assert.ok(section in body.brief, `brief has ${section}`);
    }
    assert.equal((body.brief.sources as unknown[]).length, 4);
    assert.ok((body.brief.summary as unknown[]).length > 0);
    assert.ok((body.brief.conflicts as unknown[]).length > 0, 'the seeds disagree on the day of the pledge');

    const again = await s.app.request(`/api/stories/${seedStory}`);
    assert.equal(again.headers.get('etag'), etag, 'the same tag while the story is unchanged');
    for (const header of [etag!, `W/${etag}`, `"other", ${etag}`, '*']) {
      const cached = await s.app.request(`/api/stories/${seedStory}`, { headers: { 'if-none-match': header } });
      assert.equal(cached.status, 304, `If-None-Match: ${header}`);
      assert.equal(await cached.text(), '');
      assert.equal(cached.headers.get('etag'), etag);
    }
    const stale = await s.app.request(`/api/stories/${seedStory}`, { headers: { 'if-none-match': '"story-1-v0-old"' } });
    assert.equal(stale.status, 200);

    const [bees] = ids(await get<Page>('/api/stories?q=honey'));
    const other = await s.app.request(`/api/stories/${bees}`);
    assert.notEqual(other.headers.get('etag'), etag, 'each story its own tag');
    // Once a story's brief is built, the listing shows its independent sources.
    const listed = (await get<Page>('/api/stories?q=Gavi')).stories[0]!;
    assert.equal(listed.independentSources, 3, 'the seeds: 000 and 001 share the AP paragraph');
  });

  test('the ETag changes when an article joins the story', async () => {
    const [bees] = ids(await get<Page>('/api/stories?q=honey'));
    const before = (await s.app.request(`/api/stories/${bees}`)).headers.get('etag');
    const posted = (await (await s.app.request('/api/articles', json({ ...UNRELATED[0], id: 'bee-2', outlet: 'bees.example', text: `${UNRELATED[0]!.text} The cooperative plans to open a second honey shop in the valley next month.` }))).json()) as { items: { status: string; story?: number }[] };
    assert.equal(posted.items[0]!.status, 'new');
    assert.equal(posted.items[0]!.story, bees, 'the longer copy joins the honey story');
    const now = await s.app.request(`/api/stories/${bees}`, { headers: { 'if-none-match': before! } });
    assert.equal(now.status, 200);
    assert.notEqual(now.headers.get('etag'), before);
    assert.equal(((await now.json()) as { story: Listing }).story.articleCount, 2);
  });

  test('GET /api/articles/{id}: metadata, text, duplicates; passages and quotes as offsets into the text', async () => {
    const brief = (await get<{ brief: { sources: { article: number; outlet: string }[] } }>(`/api/stories/${seedStory}`)).brief;
    let passages = 0;
    for (const source of brief.sources) {
      const article = await get<{
        id: number;
        story: number;
        text: string;
        outlet: string | null;
        source: string;
        duplicates: unknown[];
        passages: { words: number; text: string; here: { start: number; end: number }; others: { article: number; start: number; end: number }[] }[];
        quotes: { text: string; start: number; end: number; speaker: string | null }[];
        links: { self: string; story: string; html: string };
      }>(`/api/articles/${source.article}`);
      assert.equal(article.id, source.article);
      assert.equal(article.story, seedStory);
      assert.match(article.source, /examples\/seeds\/00\d_/);
      assert.ok(article.text.length > 500);
      assert.deepEqual(article.links, { self: `/api/articles/${article.id}`, story: `/api/stories/${seedStory}`, html: `/articles/${article.id}` });
      for (const quote of article.quotes) assert.equal(article.text.slice(quote.start, quote.end), quote.text, 'a quote is the text at its offsets');
      for (const passage of article.passages) {
        passages++;
        const here = article.text.slice(passage.here.start, passage.here.end);
        const words = (t: string): string[] => t.toLowerCase().replace(/[.'’]/g, '').match(/[a-z0-9]+/g) ?? [];
        assert.ok(words(here).length >= 10, 'a shared passage of some length');
        const slices = [here];
        for (const other of passage.others) {
          const theirs = (await get<{ text: string }>(`/api/articles/${other.article}`)).text.slice(other.start, other.end);
          slices.push(theirs);
          assert.ok(words(here).slice(1, -1).every((w) => words(theirs).includes(w)), 'the other carrier has the same words at its offsets');
        }
        assert.ok(slices.includes(passage.text), 'the passage text is the text of one carrier at its offsets');
      }
    }
    assert.ok(passages >= 3, 'the KCNA quotation and the AP paragraph are shared');
  });

  test('GET /api/outlets: each outlet with its article and story counts, most articles first', async () => {
    const { outlets } = await get<{ outlets: { outlet: string; articles: number; stories: number }[] }>('/api/outlets');
    const byName = new Map(outlets.map((o) => [o.outlet, o]));
    assert.deepEqual(byName.get('heraldcorp.com'), { outlet: 'heraldcorp.com', articles: 1, stories: 1 });
    assert.deepEqual(byName.get('farm.example'), { outlet: 'farm.example', articles: 1, stories: 1 });
    for (let i = 1; i < outlets.length; i++) assert.ok(outlets[i - 1]!.articles >= outlets[i]!.articles);
  });
});

describe('POST /api/articles', () => {
  let s: SeededApp;
  before(async () => (s = await seededApp({}, false)));
  after(() => s.close());

  test('a JSON object, then the same again: new, then duplicate', async () => {
    const first = (await (await s.app.request('/api/articles', json(UNRELATED[1]))).json()) as { read: number; new: number; duplicate: number; failed: number; items: { index: number; status: string; article?: number; story?: number; newStory?: boolean; duplicateOf?: number }[] };
    assert.deepEqual({ read: first.read, new: first.new, duplicate: first.duplicate, failed: first.failed }, { read: 1, new: 1, duplicate: 0, failed: 0 });
    assert.equal(first.items[0]!.status, 'new');
    assert.equal(first.items[0]!.newStory, true);
    const again = (await (await s.app.request('/api/articles', json(UNRELATED[1]))).json()) as typeof first;
    assert.equal(again.duplicate, 1);
    assert.equal(again.items[0]!.status, 'duplicate');
    assert.equal(again.items[0]!.duplicateOf, first.items[0]!.article);
  });

  test('JSON lines: a result per line, in order; a broken line and an item without text fail alone', async () => {
    const lines = [JSON.stringify(UNRELATED[0]), '{"title": "broken', JSON.stringify({ outlet: 'x.example' }), JSON.stringify({ ...UNRELATED[2], published: 1651651200000, authors: 'A. Writer' })].join('\n');
    const response = await s.app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: `${lines}\n\n` });
    assert.equal(response.status, 200);
    const result = (await response.json()) as { read: number; new: number; failed: number; items: { index: number; status: string; rule?: string; reason?: string }[] };
    assert.deepEqual(
      result.items.map((i) => [i.index, i.status, i.rule ?? '']),
      [
        [0, 'new', ''],
        [1, 'failed', 'read:json'],
        [2, 'failed', 'read:fields'],
        [3, 'new', ''],
      ],
    );
    assert.match(result.items[1]!.reason!, /malformed JSON/);
    assert.match(result.items[2]!.reason!, /expecting at least one of "text"/);
    assert.equal(result.new, 2);
    assert.equal(result.failed, 2);
    const stored = (await (await s.app.request('/api/stories?q=tram')).json()) as Page;
    assert.equal(stored.stories[0]!.firstSeen, '2022-05-04T08:00:00.000Z', 'epoch milliseconds read as the publish time');
  });

  test('news-please field names and HTML bodies are read as the CLI reads them', async () => {
    const result = (await (
      await s.app.request('/api/articles', json([{ maintext: 'The museum reopened its dinosaur hall on Friday after a two year renovation. Visitors queued around the block to see the restored skeleton of the giant lizard.', source_domain: 'museum.example', title: 'Dinosaur hall reopens', date_publish: '2022-06-01 10:00:00' }, { html: '<html><head><title>Harbour ferry strike ends</title></head><body><article><p>Harbour ferry crews ended their strike on Tuesday after the operator agreed to a pay rise. Ferries will run to the islands on the normal timetable from Wednesday morning.</p></article></body></html>', outlet: 'port.example' }]))
    ).json()) as { new: number; items: { status: string; article?: number }[] };
    assert.equal(result.new, 2, JSON.stringify(result));
    const dino = (await (await s.app.request(`/api/articles/${result.items[0]!.article}`)).json()) as { outlet: string; title: string; published: string };
    assert.equal(dino.outlet, 'museum.example');
    assert.equal(dino.title, 'Dinosaur hall reopens');
    assert.match(dino.published, /^2022-06-01/);
    const ferry = (await (await s.app.request(`/api/articles/${result.items[1]!.article}`)).json()) as { title: string; text: string };
    assert.equal(ferry.title, 'Harbour ferry strike ends');
    assert.doesNotMatch(ferry.text, /<p>/);
  });
});
