// Runs the per-article work (the page parse, clean, describe, fingerprint, story terms) on worker threads, handing articles back in input order.
import { Worker } from 'node:worker_threads';
import { Article, type ArticleInput, type ArticleMessage, type ReadResult, type SourceRef } from './article.js';
import { ALL_STAGES, prepare, type StageName } from './pipeline.js';
import { articleStoryTerms } from './cluster/features.js';

/** What a worker is sent: an article as read (input fields, raw HTML included, and the reader's messages). */
export interface ArticlePayload {
  source: SourceRef;
  input: ArticleInput;
  messages: ArticleMessage[];
}

/**
 * What a worker sends back: the fields the stages set, the input as the stages left it (the page's URL
 * and dates, the extracted body as `text`) without the HTML the sender still holds, and the data later
 * steps use (not the clean stage's maps, nor the page's DOM or candidates).
 */
export interface PreparedFields {
  input: Omit<ArticleInput, 'html'>;
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
  language?: string;
  authors: string[];
  canonicalUrl?: string;
  updated?: string;
  provenance: Article['provenance'];
  messages: ArticleMessage[];
  data: Pick<Article['data'], 'itemKey' | 'contentHash' | 'signature' | 'shingles' | 'credits' | 'cited' | 'dateline' | 'storyTerms'>;
}

/** Articles per message to a worker: enough to make messaging cheap, few enough to keep both ends busy. */
const CHUNK = 32;
/** Items prepared in this thread before workers start: a handful of files is not worth a worker's start-up. */
const IN_PROCESS_FIRST = 64;

/**
 * The stages on one article (all by default; an HTML page is parsed first, see `prepare`), and with them
 * all the story terms (so the thread that clusters need not tokenise again).
 */
export function prepareArticle(article: Article, stages: readonly StageName[] = ALL_STAGES): Article {
  prepare(article, stages);
  if (stages.length === ALL_STAGES.length && !article.messages.some((m) => m.severity === 'error')) {
    try {
      articleStoryTerms(article);
    } catch (error) {
      article.message('terms:crash', `story terms failed on this article: ${(error as Error).message}`, 'error');
    }
  }
  return article;
}

export function payloadOf(article: Article): ArticlePayload {
  return { source: article.source, input: article.input, messages: [...article.messages] };
}

export function fieldsOf(article: Article): PreparedFields {
  const d = article.data;
  const { html: _html, ...input } = article.input;
  return {
    input,
    text: article.text,
    title: article.title,
    url: article.url,
    outlet: article.outlet,
    published: article.published,
    language: article.language,
    authors: article.authors,
    canonicalUrl: article.canonicalUrl,
    updated: article.updated,
    provenance: article.provenance,
    messages: article.messages,
    data: { itemKey: d.itemKey, contentHash: d.contentHash, signature: d.signature, shingles: d.shingles, credits: d.credits, cited: d.cited, dateline: d.dateline, storyTerms: d.storyTerms },
  };
}

/** Rebuild a prepared article on this thread from what a worker sent. */
function articleFrom(payload: ArticlePayload, fields: PreparedFields): Article {
  const input: ArticleInput = payload.input.html === undefined ? fields.input : { ...fields.input, html: payload.input.html };
  const article = new Article(payload.source, input);
  article.text = fields.text;
  article.title = fields.title;
  article.url = fields.url;
  article.outlet = fields.outlet;
  article.published = fields.published;
  article.language = fields.language;
  article.authors = fields.authors;
  article.canonicalUrl = fields.canonicalUrl;
  article.updated = fields.updated;
  article.provenance = fields.provenance;
  for (const [key, value] of Object.entries(fields.data)) if (value !== undefined) (article.data as Record<string, unknown>)[key] = value;
  article.messages.push(...fields.messages);
  return article;
}

interface Pending {
  resolve: (fields: PreparedFields[]) => void;
  reject: (error: Error) => void;
}

/**
 * Old-generation heap of each worker, MiB. Left to itself V8 lets a worker's heap grow to gigabytes of dead
 * DOMs before a full collection (a 512 MiB WARC peaked at 4 GB RSS); the live set is one chunk and one page's
 * DOM, far below this, and a page too large for it (near MAX_DOCUMENT_BYTES) fails its chunk, not the run.
 */
const WORKER_HEAP_MB = 512;

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Why the worker stopped, once it has. */
  failed?: Error;
}

/** Workers replaced in one run before the pool gives up on replacing (a worker that cannot even start). */
const MAX_RESPAWNS = 8;

/**
 * A fixed number of workers; each chunk goes to the worker with the fewest chunks in flight. A worker that
 * fails (out of memory on a huge page, a crash) fails the chunks it holds and is replaced (up to MAX_RESPAWNS
 * times; then the chunks go to the live ones, or fail when none is), so the run goes on instead of waiting for
 * answers that never come.
 */
class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private closing = false;
  private respawns = 0;

  constructor(
    count: number,
    private readonly stages: readonly StageName[],
  ) {
    for (let i = 0; i < count; i++) this.workers.push(this.spawn());
  }

  private spawn(): PoolWorker {
    const worker = new Worker(new URL('./prepare-worker.js', import.meta.url), {
      workerData: { stages: this.stages },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const entry: PoolWorker = { worker, pending: new Map<number, Pending>() };
    worker.on('message', (message: { id: number; results: PreparedFields[] }) => {
      entry.pending.get(message.id)?.resolve(message.results);
      entry.pending.delete(message.id);
    });
    const fail = (error: Error): void => {
      for (const p of entry.pending.values()) p.reject(error);
      entry.pending.clear();
      if (entry.failed || this.closing) return;
      entry.failed = error;
      const index = this.workers.indexOf(entry);
      if (index >= 0 && this.respawns < MAX_RESPAWNS) {
        this.respawns++;
        this.workers[index] = this.spawn();
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker thread stopped (exit code ${code})`)));
    return entry;
  }

  run(payloads: ArticlePayload[]): Promise<PreparedFields[]> {
    const live = this.workers.filter((w) => !w.failed);
    if (live.length === 0) return Promise.reject(this.workers[0]?.failed ?? new Error('no worker thread'));
    const entry = live.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, payloads });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Prepare one chunk on the pool; a worker that fails makes each of its articles a failure naming the reason. */
async function prepareChunk(pool: WorkerPool, chunk: ReadResult[]): Promise<ReadResult[]> {
  const articles = chunk.filter((r): r is { ok: true; article: Article } => r.ok).map((r) => payloadOf(r.article));
  let fields: PreparedFields[];
  try {
    fields = await pool.run(articles);
  } catch (error) {
    return chunk.map((r) =>
      r.ok ? { ok: false, failure: { source: r.article.source, rule: 'prepare:worker', reason: `the worker thread preparing this article failed: ${(error as Error).message}` } } : r,
    );
  }
  let next = 0;
  return chunk.map((r) => (r.ok ? { ok: true, article: articleFrom(articles[next]!, fields[next++]!) } : r));
}

/**
 * The read results with every article prepared (`prepareArticle`), in the order read. With
 * `workers` > 0 the stages (`stages`, all by default) run on that many worker threads, several chunks ahead of the consumer,
 * so reading, preparing and storing overlap; the articles and their order are the same as with 0.
 */
export async function* prepareAll(results: AsyncIterable<ReadResult>, workers: number, stages: readonly StageName[] = ALL_STAGES): AsyncGenerator<ReadResult> {
  const iterator = results[Symbol.asyncIterator]();
  let seen = 0;
  if (workers <= 0) {
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      if (r.value.ok) prepareArticle(r.value.article, stages);
      yield r.value;
    }
    return;
  }
  // The first few in this thread: a small input finishes before a worker would have started.
  for (; seen < IN_PROCESS_FIRST; seen++) {
    const r = await iterator.next();
    if (r.done) return;
    if (r.value.ok) prepareArticle(r.value.article, stages);
    yield r.value;
  }
  const pool = new WorkerPool(workers, stages);
  const ahead = Math.max(8, workers * 4);
  const inFlight: Promise<ReadResult[]>[] = [];
  try {
    let chunk: ReadResult[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      chunk.push(r.value);
      if (chunk.length < CHUNK) continue;
      inFlight.push(prepareChunk(pool, chunk));
      chunk = [];
      while (inFlight.length >= ahead) yield* await inFlight.shift()!;
    }
    if (chunk.length) inFlight.push(prepareChunk(pool, chunk));
    while (inFlight.length) yield* await inFlight.shift()!;
  } finally {
    await Promise.allSettled(inFlight);
    await pool.close();
  }
}
