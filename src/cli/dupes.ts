// `dupes`: exact and near-duplicate pairs among JSONL articles, streamed, without a store.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sourceName, type ArticleMessage, type ReadResult } from '../article.js';
import { DuplicateFinder } from '../fingerprint/dupes.js';
import { readPaths } from '../read/files.js';
import { inputNeedsPage, loadPageReader, prepareForDupes, type DupesPayload, type DupesPrepared } from './dupes-prepare.js';
import { describeFailure } from './failure.js';
import { say, writeLine } from './output.js';

/** Articles per message to a worker: enough to make messaging cheap, few enough to keep the workers busy. */
const CHUNK = 64;
/** Items prepared in this thread before workers start: a small input is done before a worker has loaded the stages. */
const IN_PROCESS_FIRST = 64;

/** One read result as dupes sees it: a failure, or an article's prepared candidate. */
type Item = { ok: false; failure: string } | { ok: true; prepared: DupesPrepared };

interface Pending {
  resolve: (results: DupesPrepared[]) => void;
  reject: (error: Error) => void;
}

/** Chunks a worker holds before this thread prepares the next chunk itself: enough to keep it busy between messages. */
const WORKER_DEPTH = 2;

/**
 * Dupes worker threads (dupes-worker.ts); a chunk goes to the ready worker with the fewest chunks in
 * flight, or to none (`accepts` false) while no worker has loaded its modules or all are full.
 */
class DupesPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending>; ready: boolean }[] = [];
  private nextId = 0;

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./dupes-worker.js', import.meta.url));
      const entry = { worker, pending: new Map<number, Pending>(), ready: false };
      worker.on('message', (message: { ready: true } | { id: number; results: DupesPrepared[] }) => {
        if ('ready' in message) {
          entry.ready = true;
          return;
        }
        entry.pending.get(message.id)?.resolve(message.results);
        entry.pending.delete(message.id);
      });
      const failAll = (error: Error): void => {
        for (const p of entry.pending.values()) p.reject(error);
        entry.pending.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`worker thread stopped (exit code ${code})`)));
      this.workers.push(entry);
    }
  }

  /** The worker the next chunk would go to: ready, with the fewest chunks in flight, fewer than WORKER_DEPTH. */
  private next(): (typeof this.workers)[number] | undefined {
    let best: (typeof this.workers)[number] | undefined;
    for (const w of this.workers) if (w.ready && w.pending.size < WORKER_DEPTH && (!best || w.pending.size < best.pending.size)) best = w;
    return best;
  }

  /** Whether a worker would take a chunk now. */
  accepts(): boolean {
    return this.next() !== undefined;
  }

  run(payloads: DupesPayload[]): Promise<DupesPrepared[]> {
    const entry = this.next() ?? this.workers.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, payloads });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Whether one of these results is an article whose HTML must be parsed: then `loadPageReader` before `prepareHere`. */
const needPage = (results: readonly ReadResult[]): boolean => results.some((r) => r.ok && inputNeedsPage(r.article.input));

/** A read result prepared in this thread (see `needPage`). */
function prepareHere(result: ReadResult): Item {
  return result.ok ? { ok: true, prepared: prepareForDupes(result.article) } : { ok: false, failure: describeFailure(result.failure) };
}

/**
 * A chunk prepared on the pool, in order (an HTML article's page is parsed where it is prepared, so it
 * travels as its HTML). A failing worker makes each of its articles a failure naming the reason.
 */
async function prepareChunk(pool: DupesPool, chunk: ReadResult[]): Promise<Item[]> {
  const sent = chunk.filter((r): r is Extract<ReadResult, { ok: true }> => r.ok);
  const payloads: DupesPayload[] = sent.map(({ article }) => ({ source: article.source, input: article.input, messages: [...article.messages] }));
  let prepared: DupesPrepared[] | Error;
  try {
    prepared = await pool.run(payloads);
  } catch (error) {
    prepared = error as Error;
  }
  let next = 0;
  return chunk.map((r) => {
    if (!r.ok) return prepareHere(r);
    return prepared instanceof Error ? { ok: false, failure: `${sourceName(r.article.source)}: the worker thread preparing this article failed: ${prepared.message} [prepare:worker]` } : { ok: true, prepared: prepared[next++]! };
  });
}

/** The read results prepared for dupes, in the order read: by `workers` threads and this one, several chunks ahead; here alone with 0. */
async function* preparedItems(results: AsyncIterable<ReadResult>, workers: number): AsyncGenerator<Item> {
  const iterator = results[Symbol.asyncIterator]();
  for (let seen = 0; workers <= 0 || seen < IN_PROCESS_FIRST; seen++) {
    const r = await iterator.next();
    if (r.done) return;
    if (needPage([r.value])) await loadPageReader();
    yield prepareHere(r.value);
  }
  const pool = new DupesPool(workers);
  const ahead = Math.max(8, workers * 4);
  const inFlight: Promise<Item[]>[] = [];
  try {
    let chunk: ReadResult[] = [];
    // This thread prepares a chunk itself when no worker would take it (still loading, or full): it is one of the threads.
    const take = async (batch: ReadResult[]): Promise<Item[]> => {
      if (pool.accepts()) return prepareChunk(pool, batch);
      // No await without HTML: the chunk is prepared now, between reads, as before.
      if (needPage(batch)) await loadPageReader();
      return batch.map(prepareHere);
    };
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      chunk.push(r.value);
      if (chunk.length < CHUNK) continue;
      inFlight.push(take(chunk));
      chunk = [];
      while (inFlight.length >= ahead) yield* await inFlight.shift()!;
    }
    if (chunk.length) inFlight.push(take(chunk));
    while (inFlight.length) yield* await inFlight.shift()!;
  } finally {
    await Promise.allSettled(inFlight);
    await pool.close();
  }
}

const describeMessage = (message: ArticleMessage): string => `${message.source}: ${message.reason} [${message.rule}]`;

/** `dupes --input FILE.jsonl`: `{a, b, jaccard, kind}` lines. */
export async function dupesCommand(options: { input: string; threshold: number; workers?: number }): Promise<number> {
  // Streamed: pairs are written as articles arrive, and only each article's shingle set is kept.
  // Duplicates need the cleaned body (page furniture off) and its fingerprint, not the description.
  const finder = new DuplicateFinder(options.threshold);
  let articles = 0;
  let failed = 0;
  for await (const item of preparedItems(readPaths([options.input]), options.workers ?? availableParallelism() - 1)) {
    if (!item.ok) {
      failed++;
      say(item.failure);
      continue;
    }
    articles++;
    for (const message of item.prepared.errors) say(describeMessage(message));
    if (item.prepared.candidate) for (const pair of finder.addCandidate(item.prepared.candidate)) await writeLine(JSON.stringify(pair));
  }
  return articles === 0 && failed > 0 ? 1 : 0;
}
