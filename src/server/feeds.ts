// Atom 1.0 and JSON Feed 1.1 of new and updated stories (all, per search query, per outlet), newest first.
import type { Context } from 'hono';
import { storyCounts } from '../brief/render-parts.js';
import type { Store, StoryListing } from '../store/store.js';
import { storyPage } from './api.js';
import { plainText } from './plain-text.js';
import type { RouteTable } from './route-spec.js';
import { FeedQuery, StoryListQuery } from './schemas.js';

/** Characters XML 1.0 cannot carry at all, dropped from feed text. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escapeXml = (text: string): string =>
  text.replace(XML_INVALID, '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

/** Longest story title a feed entry carries (a title is untrusted: one article's can be a megabyte). */
const TITLE_CHARS = 300;

const entryTitle = (story: StoryListing): string => plainText(story.title, TITLE_CHARS) || `Story ${story.id}`;

/** When a story last changed as far as its articles tell (its latest publish time), else the epoch. */
const updatedOf = (story: StoryListing): string => story.lastSeen ?? story.firstSeen ?? '1970-01-01T00:00:00.000Z';

const feedTitle = (query: { q?: string; outlet?: string }): string =>
  ['newsfuse stories', query.q ? `matching “${plainText(query.q, 200)}”` : '', query.outlet ? `from ${plainText(query.outlet, 200)}` : ''].filter(Boolean).join(' ');

function origin(c: Context): string {
  return new URL(c.req.url).origin;
}

function selfQuery(query: { q?: string; outlet?: string }): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.outlet) params.set('outlet', query.outlet);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function atomFeed(stories: StoryListing[], query: { q?: string; outlet?: string }, base: string): string {
  const updated = stories.map(updatedOf).sort().pop() ?? '1970-01-01T00:00:00.000Z';
  const entries = stories.map((s) => {
    const link = `${base}/stories/${s.id}`;
    return [
      '  <entry>',
      `    <id>urn:newsfuse:story:${s.id}</id>`,
      `    <title type="text">${escapeXml(entryTitle(s))}</title>`,
      `    <updated>${escapeXml(updatedOf(s))}</updated>`,
      s.firstSeen ? `    <published>${escapeXml(s.firstSeen)}</published>` : '',
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <link rel="related" type="application/json" href="${escapeXml(`${base}/api/stories/${s.id}`)}"/>`,
      `    <summary type="text">${escapeXml(storyCounts({ ...s, independentSources: s.independentSources ?? undefined }))}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    // A URN cannot carry a query: the feed's filters go in percent-encoded, so each filtered feed keeps its own id.
    `  <id>urn:newsfuse:feed:stories${selfQuery(query) ? `:${encodeURIComponent(selfQuery(query).slice(1))}` : ''}</id>`,
    `  <title type="text">${escapeXml(feedTitle(query))}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    '  <author><name>newsfuse</name></author>',
    '  <generator>newsfuse</generator>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/api/feeds/stories.atom${selfQuery(query)}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/${selfQuery(query)}`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function jsonFeed(stories: StoryListing[], query: { q?: string; outlet?: string }, base: string): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(query),
    home_page_url: `${base}/${selfQuery(query)}`,
    feed_url: `${base}/api/feeds/stories.json${selfQuery(query)}`,
    items: stories.map((s) => ({
      id: `urn:newsfuse:story:${s.id}`,
      url: `${base}/stories/${s.id}`,
      title: entryTitle(s),
      content_text: storyCounts({ ...s, independentSources: s.independentSources ?? undefined }),
      date_modified: updatedOf(s),
      ...(s.firstSeen ? { date_published: s.firstSeen } : {}),
      _newsfuse: { articleCount: s.articleCount, sourceCount: s.sourceCount, independentSources: s.independentSources, api: `${base}/api/stories/${s.id}` },
    })),
  };
}

export function addFeedRoutes(routes: RouteTable, store: Store): void {
  const stories = async (query: { q?: string; outlet?: string; limit: number }, instance: string) =>
    storyPage(store, { ...StoryListQuery.parse({}), q: query.q, outlet: query.outlet, limit: query.limit, order: 'newest' }, instance);

  routes.add(
    {
      method: 'get',
      path: '/api/feeds/stories.atom',
      operationId: 'storiesAtom',
      summary: 'Atom feed of new and updated stories',
      tags: ['feeds'],
      query: FeedQuery,
      problems: ['not-implemented'],
      responses: { 200: { description: 'Atom 1.0 (RFC 4287)', contentType: 'application/atom+xml' } },
    },
    async (c, { query }) => {
      const page = await stories(query, c.req.path);
      if (page instanceof Response) return page;
      return c.body(atomFeed(page.stories, query, origin(c)), 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/feeds/stories.json',
      operationId: 'storiesJsonFeed',
      summary: 'JSON Feed of new and updated stories',
      tags: ['feeds'],
      query: FeedQuery,
      problems: ['not-implemented'],
      responses: { 200: { description: 'JSON Feed 1.1', contentType: 'application/feed+json' } },
    },
    async (c, { query }) => {
      const page = await stories(query, c.req.path);
      if (page instanceof Response) return page;
      return c.body(JSON.stringify(jsonFeed(page.stories, query, origin(c))), 200, { 'content-type': 'application/feed+json; charset=utf-8' });
    },
  );
}
