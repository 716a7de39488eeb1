// Ingestion: read -> prepare (clean, describe, fingerprint) -> dedupe -> cluster -> store, in committed batches.
import { availableParallelism } from 'node:os';
import type { Article, ArticleMessage, ReadFailure } from './article.js';
import { Clusterer } from './cluster/assign.js';
import { bandKeys, estimateJaccard } from './fingerprint/minhash.js';
import { NEAR_DUPLICATE_THRESHOLD } from './fingerprint/near-duplicate.js';
import { prepareAll } from './prepare-workers.js';
import { RawPageCapture } from './raw-page.js';
import { readPaths } from './read/files.js';
import type { WarcSkips } from './read/warc.js';
import type { NewArticle, Store } from './store/store.js';


export type IngestEvent =
  | { kind: 'new'; article: Article; id: number; story: number; newStory: boolean }
  | { kind: 'duplicate'; article: Article; of: number }
  | { kind: 'failed'; failure: ReadFailure };

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  stories: Set<number>;
  newStories: number;
  failures: ReadFailure[];
  /** Warnings about stored articles (e.g. encoding guessed), each naming its file and line. */
  warnings: ArticleMessage[];
  /** WARC records that are not articles (requests, metadata, non-HTML responses), by kind. */
  skipped: Map<string, number>;
}

export interface IngestOptions {
  /** Articles per committed transaction: a crash loses at most the batch in flight, never a committed one. */
  batchSize?: number;
  /**
   * Worker threads for the per-article stages (clean, describe, fingerprint); 0 runs them on this
   * thread. Storage and story assignment stay on this thread, in input order, so the result is the
   * same for any number. Default: one per CPU.
   */
  workers?: number;
  /** Keep each HTML article's raw page with it, so `reextract` can read it again (default true). */
  raw?: boolean;
  onEvent?: (event: IngestEvent) => void;
}

/** Store one prepared article: skip it if the same item is stored, else cluster and insert it. */
async function ingestArticle(store: Store, clusterer: Clusterer, article: Article): Promise<IngestEvent> {
  const { itemKey, contentHash, signature } = article.data;
  if (!itemKey || !contentHash || !signature) {
    return { kind: 'failed', failure: { source: article.source, rule: 'fingerprint:missing', reason: 'the article could not be fingerprinted' } };
  }
  const existing = await store.findByItemKey(itemKey);
  if (existing !== undefined) return { kind: 'duplicate', article, of: existing };

  const bands = bandKeys(signature);
  const [exact] = await store.findByContentHash(contentHash);
  let copyOf = exact;
  if (exact !== undefined) article.message('fingerprint:exact-duplicate', `same text as stored article #${exact}`, 'info');
  else {
    const near = (await store.getSignatures((await store.findByBands(bands, 20)).slice(0, 20)))
      .map((other) => ({ id: other.id, score: estimateJaccard(other.signature, signature) }))
      .filter((c) => c.score >= NEAR_DUPLICATE_THRESHOLD)
      .sort((x, y) => y.score - x.score)[0];
    if (near) article.message('fingerprint:near-duplicate', `near duplicate (Jaccard ~${near.score.toFixed(2)}) of stored article #${near.id}`, 'info');
    copyOf = near?.id;
  }

  // A copy joins its original's story (the story that holds it now, after any merge).
  const original = copyOf === undefined ? undefined : (await store.getArticles([copyOf]))[0];
  const assignment = await clusterer.assignArticle(article, original === undefined ? undefined : await store.resolveStory(original.story));
  const id = await store.insertArticle(
    newArticleOf(article, itemKey, contentHash, signature),
    assignment.story,
    bands,
    article.messages.some((m) => m.rule === 'describe:no-title'),
  );
  return { kind: 'new', article, id, story: assignment.story, newStory: assignment.isNew };
}

/**
 * Ingest every article under `paths` into the store. Never throws for content problems: each bad
 * item is a failure in the summary and the batch goes on. Work is committed every `batchSize`
 * articles, so an interrupted run keeps everything committed before it.
 */
export async function ingest(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? 200;
  const clusterer = new Clusterer(store.storyIndex);
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, failed: 0, stories: new Set(), newStories: 0, failures: [], warnings: [], skipped: new Map() };
  const record = (event: IngestEvent): void => {
    if (event.kind === 'failed') {
      summary.failed++;
      summary.failures.push(event.failure);
    } else {
      summary.read++;
      if (event.kind === 'duplicate') summary.duplicate++;
      else {
        summary.new++;
        summary.stories.add(event.story);
        if (event.newStory) summary.newStories++;
        for (const m of event.article.messages) if (m.severity !== 'info') summary.warnings.push(m);
      }
    }
    options.onEvent?.(event);
  };

  let batch: Article[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const articles = batch;
    batch = [];
    const events = await store.transaction(async () => {
      const done: IngestEvent[] = [];
      for (const article of articles) done.push(await ingestArticle(store, clusterer, article));
      return done;
    });
    events.forEach(record);
  };

  const onSkipped = (skips: WarcSkips): void => {
    for (const [kind, n] of skips.counts) summary.skipped.set(kind, (summary.skipped.get(kind) ?? 0) + n);
  };
  const raw = options.raw === false ? undefined : new RawPageCapture();
  const read = readPaths(paths, { onSkipped });
  for await (const result of prepareAll(raw ? raw.capture(read) : read, options.workers ?? availableParallelism())) {
    raw?.attach(result);
    if (!result.ok) {
      record({ kind: 'failed', failure: result.failure });
      continue;
    }
    const article = result.article;
    const fatal = article.messages.find((m) => m.severity === 'error');
    if (fatal) {
      record({ kind: 'failed', failure: { source: article.source, rule: fatal.rule, reason: fatal.reason } });
      continue;
    }
    batch.push(article);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

/** The stored form of a prepared article (what `insertArticle` takes). */
export function newArticleOf(article: Article, itemKey: string, contentHash: string, signature: Uint32Array): NewArticle {
  return {
    itemKey,
    contentHash,
    source: article.where,
    externalId: article.input.id,
    url: article.url,
    outlet: article.outlet,
    title: article.title,
    published: article.published,
    language: article.language,
    authors: article.authors,
    credits: article.data.credits ?? [],
    cited: article.data.cited ?? [],
    dateline: article.data.dateline ? article.text.slice(article.data.dateline.start, article.data.dateline.end).trim() : undefined,
    text: article.text,
    signature,
    messages: article.messages.map((m) => `${m.reason} [${m.rule}]`),
    rawPage: article.data.rawPage,
  };
}
