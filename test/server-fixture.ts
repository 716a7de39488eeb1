// Server test fixtures: a temp store with the seeds ingested, the app over it, and problem+json checks.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/ingest.js';
import { createApp, type AppOptions } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/store.js';
import { SEEDS_DIR, tempDir } from './helpers.js';
import type { ArticleInput } from '../src/article.js';

export interface SeededApp {
  store: Store;
  app: ReturnType<typeof createApp>['app'];
  routes: ReturnType<typeof createApp>['routes'];
  dir: string;
  close(): Promise<void>;
}

/** A fresh SQLite store under a temp folder with the four seed pages ingested (one story), and the app over it. */
export async function seededApp(options: AppOptions = {}, seeds = true): Promise<SeededApp> {
  const dir = tempDir();
  const store = await openStore(join(dir, 'server.db'));
  if (seeds) {
    const summary = await ingest(store, [SEEDS_DIR]);
    assert.equal(summary.new, 4, 'the four seeds are ingested');
  }
  const { app, routes } = createApp(store, options);
  return {
    store,
    app,
    routes,
    dir,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { pointer: string; detail: string }[];
}

/** Assert a response is an RFC 9457 problem with this status; returns its body. */
export async function expectProblem(response: Response, status: number, what: string): Promise<ProblemBody> {
  const body = await response.text();
  assert.equal(response.status, status, `${what}: expecting status ${status}, instead found ${response.status}: ${body.slice(0, 300)}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, `${what}: media type`);
  const problem = JSON.parse(body) as ProblemBody;
  assert.equal(problem.status, status, `${what}: status member`);
  assert.match(problem.type, /^https:\/\/newsfuse\.dev\/problems\/[a-z-]+$/, `${what}: type URI`);
  assert.equal(typeof problem.title, 'string');
  assert.ok(problem.detail.length > 0, `${what}: a detail saying what was expected`);
  return problem;
}

/** An article line of the CLI's JSONL fields. */
export type PostedArticle = ArticleInput;

/** Three articles on three unrelated subjects (three new stories), on three days. */
export const UNRELATED: PostedArticle[] = [
  {
    id: 'bee-1',
    outlet: 'farm.example',
    title: 'Beekeepers report record honey harvest in the valley',
    published: '2022-05-02T08:00:00Z',
    language: 'en',
    text: 'Beekeepers in the northern valley reported a record honey harvest this spring. The hives produced twice the usual amount of clover honey, the cooperative said. Warm weather and fields of wildflowers helped the colonies grow. Prices at the weekly market fell as jars of honey piled up on the stalls.',
  },
  {
    id: 'chess-1',
    outlet: 'games.example',
    title: 'Teenager wins the national chess championship',
    published: '2022-05-03T08:00:00Z',
    language: 'en',
    text: 'A sixteen-year-old won the national chess championship on Sunday after a tense final round. She sacrificed a rook in the endgame and forced checkmate in forty moves. The tournament drew two hundred players to the city hall. Her coach said she studies openings for four hours every day.',
  },
  {
    id: 'tram-1',
    outlet: 'city.example',
    title: 'City council approves new tram line to the airport',
    published: '2022-05-04T08:00:00Z',
    language: 'en',
    text: 'The city council approved a new tram line that will link the central station to the airport. Construction of the twelve kilometre track is due to start next year. Councillors voted thirty to nine in favour after a long debate about the budget. The first trams are expected to run in three years.',
  },
];

export const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
