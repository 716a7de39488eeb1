// The HTTP app of `newsfuse serve` (hono): the JSON API under /api and the web UI, from one store, with limits, a write token and strict headers.
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/store.js';
import { addApiRoutes } from './api.js';
import { addExportRoutes } from './exports.js';
import { addFeedRoutes } from './feeds.js';
import { problem, problemResponse } from './problem.js';
import { openApiDocument, RouteTable } from './route-spec.js';
import { addWebRoutes } from './web/routes.js';
import { errorPage } from './web/pages.js';

export interface AppOptions {
  /** When set, every write (POST) needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest request body, in bytes (default 32 MiB, the largest page `ingest` reads). */
  maxBodyBytes?: number;
  /** Seconds between the story page's checks for new articles (default 15). */
  pollSeconds?: number;
}

/** Longest request URI accepted (path and query), in characters. */
export const MAX_URI_CHARS = 8192;
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The policy every response carries: only this origin's scripts, styles and requests; no frames, no plugins, no inline code. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The package root (above src/ and dist/src/), for the documents the server hands out. */
const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const isApi = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** The app: `app.fetch` for a server, `app.request()` for tests; `routes` lists every route it has. */
export function createApp(store: Store, options: AppOptions = {}): { app: Hono; routes: RouteTable } {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono();
  // Pages answer bad parameters with a page; the API with problem details.
  const routes = new RouteTable(app, (c, body) => (isApi(c.req.path) ? problemResponse(body) : c.html(errorPage(body.status, 'This address is not valid', body.detail), 400)));

  app.use('*', async (c, next) => {
    await next();
    const headers = c.res.headers;
    // A route may set a stricter policy of its own (the standalone HTML export allows its one stylesheet by hash).
    if (!headers.has('content-security-policy')) headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('x-frame-options', 'DENY');
    headers.set('cross-origin-opener-policy', 'same-origin');
    headers.set('cross-origin-resource-policy', 'same-origin');
  });

  app.use('*', async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const length = start < 0 ? 0 : url.length - start;
    if (length > MAX_URI_CHARS) {
      return problemResponse(problem('uri-too-long', `expecting a request URI of at most ${MAX_URI_CHARS} characters, instead found ${length}`));
    }
    await next();
  });

  app.use('*', async (c, next) => {
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS';
    if (write && options.token !== undefined && !tokenMatches(c.req.header('authorization'), options.token)) {
      const sent = c.req.header('authorization') === undefined ? 'no Authorization header' : 'another token';
      return problemResponse(problem('unauthorized', `expecting "Authorization: Bearer <NEWSFUSE_TOKEN>" on writes, instead found ${sent}`, { instance: c.req.path }));
    }
    await next();
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => problemResponse(problem('payload-too-large', `expecting a body of at most ${maxBodyBytes} bytes, instead found more`, { instance: c.req.path })),
    }),
  );

  const briefSchema = readFileSync(join(ROOT, 'docs', 'brief.schema.json'), 'utf8');
  let document: object | undefined;
  const openApi = (): object =>
    (document ??= openApiDocument(routes.specs, {
      title: 'newsfuse',
      version: '0.1.0',
      description: 'Stories made from news articles of many outlets, each with a cross-source brief. Errors are RFC 9457 problem details (application/problem+json).',
    }));
  addApiRoutes(routes, store, { maxBodyBytes, briefSchema, openApi });
  addExportRoutes(routes, store);
  addFeedRoutes(routes, store);
  addWebRoutes(routes, store, { pollSeconds: options.pollSeconds ?? 15 });

  app.notFound((c) =>
    isApi(c.req.path)
      ? problemResponse(problem('not-found', `no route ${c.req.method} ${c.req.path}; GET /api/openapi.json lists them`, { instance: c.req.path }))
      : c.html(errorPage(404, 'Page not found', 'There is no page at this address.'), 404),
  );

  app.onError((error, c) => {
    // A malformed percent-escape in the path is the client's mistake, not ours.
    if (error instanceof URIError) {
      return problemResponse(problem('invalid-parameter', `expecting a URI with valid percent-escapes, instead found ${error.message}`, { instance: c.req.path }));
    }
    process.stderr.write(`newsfuse serve: ${c.req.method} ${c.req.path}: ${(error as Error).stack ?? String(error)}\n`);
    return isApi(c.req.path)
      ? problemResponse(problem('internal', 'the server failed on this request; its log says why', { instance: c.req.path }))
      : c.html(errorPage(500, 'Something went wrong', 'The server failed on this page; its log says why.'), 500);
  });

  return { app, routes };
}
