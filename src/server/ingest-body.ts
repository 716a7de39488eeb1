// POST /api/articles: a JSON or JSONL body read into article records, ingested like `newsfuse ingest`, with a result per item.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest.js';
import type { Store } from '../store/store.js';
import { problem, type Problem } from './problem.js';
import { ArticleInputSchema, type IngestResultSchema } from './schemas.js';
import type { z } from 'zod';

export type IngestResult = z.infer<typeof IngestResultSchema>;
type Item = IngestResult['items'][number];

export const JSON_TYPES = ['application/json'];
export const JSONL_TYPES = ['application/jsonl', 'application/x-ndjson', 'application/x-jsonlines', 'application/jsonlines'];

/** Most items one request may hold (the body limit bounds their size). */
export const MAX_ITEMS = 10_000;

/** The items of a body, and why lines could not be parsed (JSONL only); a Problem when the body as a whole is unreadable. */
export interface BodyItems {
  items: unknown[];
  /** Item index -> why its line is not JSON. */
  broken: Map<number, string>;
}

export function bodyItems(mediaType: string, body: string): BodyItems | Problem {
  const text = body.replace(/^\uFEFF/, '');
  if (text.trim() === '') return problem('malformed-body', 'expecting a JSON object, an array of them, or JSON lines, instead found an empty body');
  let items: unknown[];
  const broken = new Map<number, string>();
  if (JSON_TYPES.includes(mediaType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return problem('malformed-body', `expecting JSON, instead found malformed JSON (${(error as Error).message})`);
    }
    items = Array.isArray(parsed) ? parsed : [parsed];
  } else {
    // JSON lines: a broken line is that item's failure; the others go on, as in `newsfuse ingest`.
    items = [];
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      try {
        items.push(JSON.parse(line));
      } catch (error) {
        broken.set(items.length, `expecting a JSON object, instead found malformed JSON (${(error as Error).message})`);
        items.push(undefined);
      }
    }
  }
  if (items.length > MAX_ITEMS) return problem('payload-too-large', `expecting at most ${MAX_ITEMS} articles in one request, instead found ${items.length}`);
  return { items, broken };
}

/**
 * Validate every item, ingest the valid ones through the same code as `newsfuse ingest` (one JSONL file
 * holding them, so batching, deduplication and clustering are exactly the CLI's), and report per item.
 */
export async function ingestItems(store: Store, { items, broken }: BodyItems): Promise<IngestResult> {
  const results: Item[] = [];
  const lines: string[] = [];
  const indexOfLine = new Map<number, number>();
  items.forEach((item, index) => {
    const why = broken.get(index);
    if (why !== undefined) {
      results[index] = { index, status: 'failed', rule: 'read:json', reason: why };
      return;
    }
    const parsed = ArticleInputSchema.safeParse(item);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
      results[index] = { index, status: 'failed', rule: 'read:fields', reason };
      return;
    }
    lines.push(JSON.stringify(parsed.data));
    indexOfLine.set(lines.length, index);
  });

  const touched = new Set<number>();
  let newStories = 0;
  if (lines.length) {
    const dir = await mkdtemp(join(tmpdir(), 'newsfuse-post-'));
    try {
      const file = join(dir, 'request.jsonl');
      await writeFile(file, `${lines.join('\n')}\n`);
      await ingest(store, [file], {
        onEvent: (event) => {
          const line = event.kind === 'failed' ? event.failure.source.line : event.article.source.line;
          const index = indexOfLine.get(line ?? -1);
          if (index === undefined) return;
          if (event.kind === 'failed') results[index] = { index, status: 'failed', rule: event.failure.rule, reason: event.failure.reason };
          else if (event.kind === 'duplicate') results[index] = { index, status: 'duplicate', duplicateOf: event.of };
          else {
            touched.add(event.story);
            if (event.newStory) newStories++;
            const warnings = event.article.messages.filter((m) => m.severity !== 'info').map((m) => `${m.reason} [${m.rule}]`);
            results[index] = { index, status: 'new', article: event.id, story: event.story, newStory: event.newStory, ...(warnings.length ? { warnings } : {}) };
          }
        },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const all = items.map((_, index) => results[index] ?? { index, status: 'failed' as const, rule: 'ingest:lost', reason: 'the item was not reported by ingestion' });
  const count = (status: Item['status']): number => all.filter((r) => r.status === status).length;
  return {
    read: count('new') + count('duplicate'),
    new: count('new'),
    duplicate: count('duplicate'),
    failed: count('failed'),
    stories: [...touched].sort((a, b) => a - b),
    newStories,
    items: all,
  };
}
