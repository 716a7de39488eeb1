// The web UI's routes: story list, story page (live), article, side by side, and the stylesheet and script they load.
import { z } from 'zod';
import type { Brief } from '../../brief/model.js';
import { alignPassages } from '../../text/passage-align.js';
import { tokenize } from '../../text/tokens.js';
import type { OutletCount, Store } from '../../store/store.js';
import { storyPage as storiesOf } from '../api.js';
import type { RouteTable } from '../route-spec.js';
import { IdParams, StoryListQuery } from '../schemas.js';
import { duplicatesOf, etagMatches, storyBrief, storyVersion } from '../story-data.js';
import { APP_JS } from './client.js';
import { articleOutlet, articlePage, comparePage, errorPage, storyListPage, storyPage } from './pages.js';
import { APP_CSS, ICON_SVG } from './style.js';

const HTML = 'text/html';
/** Most articles offered in the side-by-side pickers. */
const MAX_CHOICES = 200;

const CompareQuery = z.object({
  a: IdParams.shape.id.describe('Left article id'),
  b: IdParams.shape.id.describe('Right article id'),
});

const ListPageQuery = StoryListQuery.omit({ limit: true, minSources: true, language: true });

/** How long the list page's outlet picker may lag behind the store (counting outlets reads every article). */
const OUTLET_CHOICES_MS = 30_000;

export function addWebRoutes(routes: RouteTable, store: Store, options: { pollSeconds: number }): void {
  // The outlet picker, counted once per OUTLET_CHOICES_MS: on 100k articles the count took ~100 ms a page.
  let outlets: { at: number; list: Promise<OutletCount[]> } | undefined;
  const outletChoices = (): Promise<OutletCount[]> => {
    if (!outlets || Date.now() - outlets.at > OUTLET_CHOICES_MS) {
      const list = store.listOutlets();
      outlets = { at: Date.now(), list };
      list.catch(() => (outlets = undefined));
    }
    return outlets.list;
  };

  const notFound = (what: string): Response =>
    new Response(errorPage(404, `No such ${what}`, `There is no ${what} at this address. The story list has every story of the store.`), {
      status: 404,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });

  routes.add(
    {
      method: 'get',
      path: '/',
      operationId: 'storyListPage',
      summary: 'Story list: newest, largest or most independent sources; search and filters',
      tags: ['web'],
      query: ListPageQuery,
      problems: ['not-implemented'],
      responses: { 200: { description: 'HTML page', contentType: HTML } },
    },
    async (c, { query }) => {
      const found = await storiesOf(store, { ...query, limit: 20 });
      if (found instanceof Response) {
        // A page answers with a page: the problem's detail, in HTML.
        const problem = (await found.json()) as { status: number; detail: string };
        return c.html(errorPage(problem.status, 'This address is not valid', problem.detail), problem.status as 400);
      }
      const outlets = await outletChoices();
      return c.html(storyListPage(query, found.stories, found.next, outlets));
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/stories/{id}',
      operationId: 'storyPage',
      summary: 'Story page: the brief with sources per sentence, claims by source, timeline, quotes, entities, sources and origins',
      description: 'Carries an ETag; the page asks for itself again with If-None-Match to show new articles without a reload.',
      tags: ['web'],
      params: IdParams,
      problems: ['not-found'],
      responses: { 200: { description: 'HTML page', contentType: HTML }, 304: { description: 'Not modified' } },
    },
    async (c, { params }) => {
      const found = await storyVersion(store, params.id);
      if (!found) return notFound('story');
      const etag = found.etag.replace(/"$/, '-html"');
      if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, { etag });
      const brief = await storyBrief(store, params.id);
      if (!brief) return notFound('story');
      return c.html(storyPage(brief, { etag, pollSeconds: options.pollSeconds }), 200, { etag, 'cache-control': 'no-cache' });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/articles/{id}',
      operationId: 'articlePage',
      summary: 'Article: metadata and cleaned text, shared passages and quotes highlighted',
      tags: ['web'],
      params: IdParams,
      problems: ['not-found'],
      responses: { 200: { description: 'HTML page', contentType: HTML } },
    },
    async (c, { params }) => {
      const [article] = await store.getArticles([params.id]);
      if (!article) return notFound('article');
      const brief = await storyBrief(store, article.story);
      const passages = (brief?.passages ?? []).flatMap((p) => {
        const here = p.carriers.find((x) => x.article === article.id);
        return here ? [{ start: here.start, end: here.end, with: p.carriers.filter((x) => x.article !== article.id).map((x) => Number(x.article)) }] : [];
      });
      const quotes = (brief?.quotes ?? []).flatMap((q) => q.carriers.filter((x) => x.article === article.id).map((x) => ({ start: x.start, end: x.end, speaker: q.speaker?.name ?? null })));
      return c.html(articlePage({ article, passages, quotes, duplicates: await duplicatesOf(store, article), storyTitle: brief?.story.title ?? null }));
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/compare',
      operationId: 'comparePage',
      summary: 'Two articles side by side, their shared passages highlighted from the brief\'s offsets',
      tags: ['web'],
      query: CompareQuery,
      problems: ['not-found'],
      responses: { 200: { description: 'HTML page', contentType: HTML } },
    },
    async (c, { query }) => {
      const articles = await store.getArticles([query.a, query.b]);
      const a = articles.find((x) => x.id === query.a);
      const b = articles.find((x) => x.id === query.b);
      if (!a || !b) return notFound('article');
      let passages: { a: [number, number]; b: [number, number]; words: number }[] = [];
      let origin: 'brief' | 'aligned' = 'brief';
      let brief: Brief | undefined;
      if (a.story === b.story) {
        brief = await storyBrief(store, a.story);
        for (const p of brief?.passages ?? []) {
          const inA = p.carriers.find((x) => x.article === a.id);
          const inB = p.carriers.find((x) => x.article === b.id);
          if (inA && inB) passages.push({ a: [inA.start, inA.end], b: [inB.start, inB.end], words: p.words });
        }
      } else {
        // Articles of different stories have no brief in common: their passages are aligned now, as `newsfuse compare` does.
        origin = 'aligned';
        passages = alignPassages(tokenize(a.text), tokenize(b.text)).map((p) => ({ a: p.a, b: p.b, words: p.tokens }));
      }
      const members = (await store.storyArticles(a.story)).slice(0, MAX_CHOICES);
      const choices = [...members, ...(members.some((m) => m.id === b.id) ? [] : [b])].map((m) => ({ id: m.id, label: `${m.id} · ${articleOutlet(m)} — ${m.title ?? '(untitled)'}` }));
      return c.html(comparePage({ a, b, passages, origin, choices }));
    },
  );

  routes.add(
    { method: 'get', path: '/assets/app.css', operationId: 'stylesheet', summary: 'The web UI\'s stylesheet', tags: ['web'], responses: { 200: { description: 'CSS', contentType: 'text/css' } } },
    (c) => c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' }),
  );
  routes.add(
    { method: 'get', path: '/assets/icon.svg', operationId: 'icon', summary: 'The web UI\'s icon', tags: ['web'], responses: { 200: { description: 'SVG', contentType: 'image/svg+xml' } } },
    (c) => c.body(ICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }),
  );
  routes.add(
    { method: 'get', path: '/assets/app.js', operationId: 'script', summary: 'The web UI\'s progressive script', tags: ['web'], responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } } },
    (c) => c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' }),
  );
}
