// Re-extraction: stored raw pages read again -> clean -> describe -> fingerprint with today's code, the stored articles updated in committed batches.
import { availableParallelism } from 'node:os';
import type { Article, ReadFailure, ReadResult } from './article.js';
import { bandKeys } from './fingerprint/minhash.js';
import { newArticleOf } from './ingest.js';
import { prepareAll } from './prepare-workers.js';
import { articleOfRawPage } from './raw-page.js';
import type { NewArticle, RawPageQuery, Store, StoredArticle } from './store/store.js';

export interface ReextractOptions {
  /** ISO 8601: only articles ingested at or after it (a bound the re-extraction itself cannot move). */
  ingestedSince?: string;
  /** Only the articles of this story (resolved through merges). */
  story?: number;
  /** Work out what would change, write nothing. */
  dryRun?: boolean;
  /** Articles per committed transaction: a crash loses at most the batch in flight; a re-run completes the rest. */
  batchSize?: number;
  /** Worker threads for the per-article stages (0: this thread; default one per CPU). */
  workers?: number;
  /** After each batch: pages done so far. */
  onProgress?: (done: number) => void;
}

/** The stored fields a re-extraction can change, by the name the summary counts them under. */
const FIELDS = {
  text: (a) => a.text,
  title: (a) => a.title,
  published: (a) => a.published,
  byline: (a) => a.authors,
  outlet: (a) => a.outlet,
  url: (a) => a.url,
  language: (a) => a.language,
  dateline: (a) => a.dateline,
  credits: (a) => a.credits,
  cited: (a) => a.cited,
} satisfies Record<string, (a: NewArticle | StoredArticle) => unknown>;
export type ExtractedField = keyof typeof FIELDS;

export interface ReextractFailure {
  article: number;
  source: string;
  rule: string;
  reason: string;
}

export interface ReextractSummary {
  /** Stored raw pages read. */
  pages: number;
  /** Articles whose extracted fields changed (written, unless a dry run). */
  changed: number;
  unchanged: number;
  failed: number;
  /** Changed articles by field. */
  fields: Partial<Record<ExtractedField, number>>;
  /** Stories whose articles changed: their cached briefs are stale (rebuilt on next read). */
  stories: number;
  /** Changed articles that now extract as another stored article's item: they keep their old item key. */
  itemKeysKept: number;
  failures: ReextractFailure[];
  dryRun: boolean;
}

/** Stored messages the ingest loop added (not a stage): a re-extraction does not make them again, so they stay. */
const INGEST_NOTES = /\[fingerprint:(?:exact|near)-duplicate\]$/;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `next` that differ from the stored article's. */
export function changedFields(stored: StoredArticle, next: NewArticle): ExtractedField[] {
  return (Object.keys(FIELDS) as ExtractedField[]).filter((name) => !same(FIELDS[name](stored), FIELDS[name](next)));
}

interface PageRef {
  article: number;
  story: number;
  source: string;
}

/** Raw pages read as articles, in article id order, each with its stored article in `refs` (same order); a damaged page is a failure. */
async function* readRawPages(store: Store, query: Omit<RawPageQuery, 'after' | 'limit'>, refs: PageRef[]): AsyncGenerator<ReadResult> {
  for (let after = 0; ; ) {
    const rows = await store.rawPages({ ...query, after, limit: 100 });
    if (rows.length === 0) return;
    for (const row of rows) {
      refs.push({ article: row.article, story: row.story, source: row.source });
      if ('problem' in row) {
        const reason = `the stored raw page cannot be read (${row.problem}); the article was left as it is`;
        yield { ok: false, failure: { source: { file: row.source }, rule: 'reextract:raw-page', reason } };
      } else yield { ok: true, article: articleOfRawPage(row.page) };
    }
    after = rows[rows.length - 1]!.article;
  }
}

/**
 * Run extraction again on every stored raw page (or those `options` select) and write the articles
 * whose fields changed, `batchSize` at a time, each batch one transaction. Never throws for a page:
 * a damaged blob or a page the stages fail on is a failure in the summary, its article untouched.
 * A re-run after an interruption redoes every page and finds the committed ones unchanged.
 */
export async function reextract(store: Store, options: ReextractOptions = {}): Promise<ReextractSummary> {
  const batchSize = options.batchSize ?? 100;
  const dryRun = options.dryRun === true;
  const summary: ReextractSummary = { pages: 0, changed: 0, unchanged: 0, failed: 0, fields: {}, stories: 0, itemKeysKept: 0, failures: [], dryRun };
  const stories = new Set<number>();
  const query = {
    ...(options.ingestedSince !== undefined ? { ingestedSince: options.ingestedSince } : {}),
    ...(options.story !== undefined ? { story: await store.resolveStory(options.story) } : {}),
  };
  const fail = (ref: PageRef, failure: Omit<ReadFailure, 'source'>): void => {
    summary.failed++;
    summary.failures.push({ article: ref.article, source: ref.source, rule: failure.rule, reason: failure.reason });
  };

  let batch: { ref: PageRef; next: NewArticle; bands: number[] }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const stored = new Map((await store.getArticles(items.map((i) => i.ref.article))).map((a) => [a.id, a]));
    const writes: typeof items = [];
    for (const item of items) {
      const before = stored.get(item.ref.article);
      if (!before) {
        fail(item.ref, { rule: 'reextract:missing', reason: 'the article is no longer stored' });
        continue;
      }
      const changed = changedFields(before, item.next);
      if (changed.length === 0) {
        summary.unchanged++;
        continue;
      }
      summary.changed++;
      for (const name of changed) summary.fields[name] = (summary.fields[name] ?? 0) + 1;
      stories.add(before.story);
      item.next.messages.push(...before.messages.filter((m) => INGEST_NOTES.test(m)));
      writes.push(item);
    }
    if (dryRun || writes.length === 0) return;
    const kept = await store.transaction(async () => {
      let n = 0;
      for (const item of writes) if ((await store.updateExtraction(item.ref.article, item.next, item.bands)).itemKeyKept) n++;
      return n;
    });
    summary.itemKeysKept += kept;
  };

  const refs: PageRef[] = [];
  for await (const result of prepareAll(readRawPages(store, query, refs), options.workers ?? availableParallelism())) {
    const ref = refs.shift()!;
    summary.pages++;
    if (!result.ok) {
      fail(ref, result.failure);
      continue;
    }
    const next = storedFormOf(result.article);
    if ('rule' in next) {
      fail(ref, next);
      continue;
    }
    batch.push({ ref, next, bands: bandKeys(next.signature) });
    if (batch.length >= batchSize) {
      await flush();
      options.onProgress?.(summary.pages);
    }
  }
  await flush();
  options.onProgress?.(summary.pages);
  summary.stories = stories.size;
  return summary;
}

/** The stored form of a re-prepared article, or why it cannot replace the stored one. */
function storedFormOf(article: Article): NewArticle | Omit<ReadFailure, 'source'> {
  const fatal = article.messages.find((m) => m.severity === 'error');
  if (fatal) return { rule: fatal.rule, reason: `${fatal.reason}; the article was left as it is` };
  const { itemKey, contentHash, signature } = article.data;
  if (!itemKey || !contentHash || !signature) return { rule: 'fingerprint:missing', reason: 'the article could not be fingerprinted; it was left as it is' };
  const { rawPage: _, ...fields } = newArticleOf(article, itemKey, contentHash, signature);
  return fields;
}
