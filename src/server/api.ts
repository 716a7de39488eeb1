// The JSON API under /api: stories (list, search, one with its brief), articles (one, ingest by POST), outlets, and the documents that describe it.
import type { Context } from 'hono';
import { z } from 'zod';
import { InvalidCursorError, type Store, type StoryListing as StoredListing } from '../store/store.js';
import { bodyItems, ingestItems, JSON_TYPES, JSONL_TYPES } from './ingest-body.js';
import { problem, problemResponse } from './problem.js';
import type { RouteTable } from './route-spec.js';
import {
  ArticleDetail,
  ArticleInputSchema,
  IdParams,
  IngestResultSchema,
  OutletList,
  StoryDetail,
  StoryListQuery,
  StoryPageSchema,
} from './schemas.js';
import { duplicatesOf, etagMatches, passagesOf, quotesOf, storyBrief, storyBriefJson, storyVersion } from './story-data.js';

export type StoryListInput = z.output<typeof StoryListQuery>;

/** A page of stories for a validated listing query; a problem for a cursor of another listing or a store without full text. */
export async function storyPage(store: Store, query: StoryListInput, instance?: string): Promise<{ stories: StoredListing[]; next: string | null } | Response> {
  if (query.q !== undefined && !store.capabilities.fullTextSearch) {
    return problemResponse(problem('not-implemented', `this ${store.capabilities.engine} store has no full-text index; leave out "q"`, { instance }));
  }
  try {
    return await store.searchStories({
      limit: query.limit,
      order: query.order,
      cursor: query.cursor,
      text: query.q,
      from: query.from,
      to: query.to,
      outlet: query.outlet,
      language: query.language,
      minSources: query.minSources,
      minIndependent: query.minIndependent,
    });
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      return problemResponse(problem('invalid-parameter', `query.cursor: ${error.message}`, { instance, errors: [{ pointer: 'query.cursor', detail: error.message }] }));
    }
    throw error;
  }
}

const storyLinks = (id: number) => ({ self: `/api/stories/${id}`, html: `/stories/${id}` });

/** The same query with another cursor, as a URL (the `next` link of a page). */
export function withCursor(c: Context, cursor: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

export interface ApiOptions {
  /** Largest POST body, in bytes (checked before the route by the app's body limit). */
  maxBodyBytes: number;
  briefSchema: string;
  openApi: () => object;
}

export function addApiRoutes(routes: RouteTable, store: Store, options: ApiOptions): void {
  // Ingestion runs one request at a time: the store takes one writer, and batches must not interleave.
  let writing: Promise<unknown> = Promise.resolve();

  routes.add(
    {
      method: 'get',
      path: '/api/stories',
      operationId: 'listStories',
      summary: 'List and search stories',
      description: 'Stories with filters, in pages: follow `next` (or `links.next`) for the following page. `q` searches the full-text index of article titles and texts.',
      tags: ['stories'],
      query: StoryListQuery,
      problems: ['not-implemented'],
      responses: { 200: { description: 'A page of stories', schema: StoryPageSchema } },
    },
    async (c, { query }) => {
      const page = await storyPage(store, query, c.req.path);
      if (page instanceof Response) return page;
      return c.json({
        stories: page.stories.map((s) => ({ ...s, links: storyLinks(s.id) })),
        next: page.next,
        links: { next: page.next ? withCursor(c, page.next) : null },
      });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/stories/{id}',
      operationId: 'getStory',
      summary: 'One story with its brief',
      description: 'The brief is the one `newsfuse brief ID --format json` prints (docs/brief.schema.json). Send the ETag back in If-None-Match: 304 while the story is unchanged.',
      tags: ['stories'],
      params: IdParams,
      problems: ['not-found'],
      responses: {
        200: { description: 'The story and its brief', schema: StoryDetail, headers: { ETag: { description: 'Changes with the story and the brief format' } } },
        304: { description: 'Not modified since the ETag sent in If-None-Match' },
      },
    },
    async (c, { params }) => {
      const found = await storyVersion(store, params.id);
      if (!found) return problemResponse(problem('not-found', `no story ${params.id}; GET /api/stories lists them`, { instance: c.req.path }));
      const headers = { etag: found.etag, 'cache-control': 'no-cache' };
      if (etagMatches(c.req.header('if-none-match'), found.etag)) return c.body(null, 304, headers);
      const json = await storyBriefJson(store, params.id);
      if (json === undefined) return problemResponse(problem('not-found', `no story ${params.id}`, { instance: c.req.path }));
      // The brief goes out as the store keeps it: no parse and re-serialise of a large document.
      const story = JSON.stringify({ ...found.summary });
      return c.body(`{"story":${story},"version":${found.version},"brief":${json}}`, 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/articles/{id}',
      operationId: 'getArticle',
      summary: 'One article: metadata, cleaned text, duplicates, shared passages and quotes',
      tags: ['articles'],
      params: IdParams,
      problems: ['not-found'],
      responses: { 200: { description: 'The article', schema: ArticleDetail } },
    },
    async (c, { params }) => {
      const [article] = await store.getArticles([params.id]);
      if (!article) return problemResponse(problem('not-found', `no article ${params.id}`, { instance: c.req.path }));
      const brief = await storyBrief(store, article.story);
      return c.json({
        id: article.id,
        story: article.story,
        title: article.title ?? null,
        outlet: article.outlet ?? null,
        url: article.url ?? null,
        published: article.published ?? null,
        language: article.language ?? null,
        authors: article.authors,
        credits: article.credits,
        cited: article.cited,
        dateline: article.dateline ?? null,
        source: article.source,
        ingestedAt: article.ingestedAt,
        messages: article.messages,
        text: article.text,
        duplicates: await duplicatesOf(store, article),
        passages: brief ? passagesOf(brief, article.id) : [],
        quotes: brief ? quotesOf(brief, article.id) : [],
        links: { self: `/api/articles/${article.id}`, story: `/api/stories/${article.story}`, html: `/articles/${article.id}` },
      });
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/articles',
      operationId: 'ingestArticles',
      summary: 'Ingest articles',
      description: `The CLI's JSONL fields (id, url, outlet, title, text or html, published, language, authors; news-please names too): one JSON object, an array of them, or JSON lines. Each item is read, cleaned, described, fingerprinted and clustered as \`newsfuse ingest\` does; a bad item fails alone. At most ${options.maxBodyBytes} bytes.`,
      tags: ['articles'],
      write: true,
      body: {
        description: 'Articles',
        content: {
          'application/json': { oneOf: [z.toJSONSchema(ArticleInputSchema, { io: 'input' }), { type: 'array', items: z.toJSONSchema(ArticleInputSchema, { io: 'input' }) }] } as unknown as { $ref: string },
          'application/x-ndjson': { type: 'string', description: 'One article JSON object a line' },
        },
      },
      problems: ['malformed-body', 'payload-too-large', 'unsupported-media-type'],
      responses: { 200: { description: 'What happened to each item, and the totals', schema: IngestResultSchema } },
    },
    async (c) => {
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (![...JSON_TYPES, ...JSONL_TYPES].includes(mediaType)) {
        return problemResponse(problem('unsupported-media-type', `expecting Content-Type ${[...JSON_TYPES, ...JSONL_TYPES].join(' or ')}, instead found "${mediaType || 'none'}"`, { instance: c.req.path }));
      }
      const parsed = bodyItems(mediaType, await c.req.text());
      if ('status' in parsed) return problemResponse({ ...parsed, instance: c.req.path });
      const run = writing.then(() => ingestItems(store, parsed));
      writing = run.catch(() => undefined);
      return c.json(await run);
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/outlets',
      operationId: 'listOutlets',
      summary: 'Outlets with their article and story counts',
      tags: ['outlets'],
      responses: { 200: { description: 'Outlets, most articles first', schema: OutletList } },
    },
    async (c) => c.json({ outlets: await store.listOutlets() }),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openApi',
      summary: 'This OpenAPI 3.1 document',
      tags: ['meta'],
      responses: { 200: { description: 'The OpenAPI document' } },
    },
    (c) => c.json(options.openApi()),
  );

  routes.add(
    {
      method: 'get',
      path: '/api/brief.schema.json',
      operationId: 'briefSchema',
      summary: 'The JSON Schema of a brief (docs/brief.schema.json)',
      tags: ['meta'],
      responses: { 200: { description: 'JSON Schema 2020-12 of the `brief` of GET /api/stories/{id}', contentType: 'application/schema+json' } },
    },
    (c) => c.body(options.briefSchema, 200, { 'content-type': 'application/schema+json; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  );
}
