// npm run bench: newsfuse ingest throughput and per-article cost as the store grows, beside plain baselines in the same process.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { DEFAULT_CLUSTER_OPTIONS } from '../src/cluster/assign.js';
import { cosine, tfidf } from '../src/text/tfidf.js';
import { termCounts } from '../src/text/terms.js';
import { ingest, type IngestEvent } from '../src/ingest.js';
import type { Store } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { parseBriefOptions, runBriefBench } from './brief.js';
import { parseWarcBenchOptions, runWarcBench } from './warc.js';
import { runDupesBench } from './dupes.js';
import { buildCorpus, describeCorpus, loadPools, loadSeeds, POOL_FILES, SEED_FILES } from './corpus.js';
import { fixed, gc, median, now, thousands } from './measure.js';

const REPO_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

interface Options {
  articles: number;
  /** Size of the corpus measured `reps` times, and the one the naive clusterer runs on. */
  small: number;
  reps: number;
  /** Repetitions of the full-N newsfuse run (the expensive one). */
  fullReps: number;
  slices: number;
  seed: number;
  /** Worker threads of the newsfuse runs (the small corpus is also run with none, for the ratio). */
  workers: number;
}

const USAGE = `usage: node --expose-gc dist/bench/run.js [ingest] [--articles N] [--small N] [--reps R] [--full-reps R] [--slices S] [--seed S]
  --articles N   full corpus size, ingested --full-reps times by newsfuse (default 20000)
  --small N      corpus ingested --reps times by newsfuse and by the baselines (default 5000)
  --reps R       repetitions of the cheap measurements, medians reported (default 3)
  --full-reps R  repetitions of the full-N newsfuse ingest (default 3)
  --slices S     slices the per-article time is reported over (default 10)
  --seed S       corpus generator seed (default 42)
  --workers W    worker threads of newsfuse's ingest (default: one per CPU); the small corpus also runs with 0
With no suite named, the ingest bench runs and then the brief bench (\`run.js brief --help\`).`;

function parseOptions(argv: string[]): Options {
  // Defaults take about 3 minutes on a shared 2-core machine (newsfuse ingests ~500-700 articles/s),
  // well inside the 10-minute budget, so the full-N run is repeated too.
  const options: Options = { articles: 20_000, small: 5_000, reps: 3, fullReps: 3, slices: 10, seed: 42, workers: availableParallelism() };
  const names: Record<string, keyof Options> = {
    '--articles': 'articles',
    '--small': 'small',
    '--reps': 'reps',
    '--full-reps': 'fullReps',
    '--slices': 'slices',
    '--seed': 'seed',
    '--workers': 'workers',
  };
  for (let i = 0; i < argv.length; i++) {
    const name = names[argv[i]!];
    const value = Number(argv[i + 1]);
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!name || !Number.isInteger(value) || value < (name === 'workers' ? 0 : 1)) {
      console.error(`bench: expecting one of ${Object.keys(names).join(', ')} followed by a positive integer, instead found "${argv[i]} ${argv[i + 1] ?? ''}"\n${USAGE}`);
      process.exit(2);
    }
    options[name] = value;
    i++;
  }
  options.small = Math.min(options.small, options.articles);
  return options;
}

// ---------------------------------------------------------------------------------------------
// Measuring

const MB = 1024 * 1024;

/**
 * Peak memory during one measurement. RSS is sampled by a worker thread every 50 ms because the
 * main thread is busy in synchronous SQLite calls for a whole batch and its timers fire late;
 * heapUsed belongs to the main isolate, so it is sampled on the main thread (a 50 ms timer, plus
 * a sample at every batch end, which is when the batch's garbage is at its largest).
 */
class MemoryMonitor {
  private readonly shared = new Float64Array(new SharedArrayBuffer(16));
  private worker?: Worker;
  private timer?: NodeJS.Timeout;
  private peakHeap = 0;
  private heapSamples = 0;
  readonly startRss: number;
  readonly startHeap: number;

  constructor() {
    gc();
    const usage = process.memoryUsage();
    this.startRss = usage.rss;
    this.startHeap = usage.heapUsed;
    this.shared[0] = usage.rss;
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const peak = new Float64Array(workerData);
       setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; peak[1]++; }, 50);`,
      { eval: true, workerData: this.shared.buffer },
    );
    this.worker.unref();
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  sample(): void {
    const usage = process.memoryUsage();
    this.heapSamples++;
    if (usage.heapUsed > this.peakHeap) this.peakHeap = usage.heapUsed;
    if (usage.rss > this.shared[0]!) this.shared[0] = usage.rss;
  }

  async stop(): Promise<MemoryPeak> {
    this.sample();
    clearInterval(this.timer);
    await this.worker?.terminate();
    return {
      peakRssMb: this.shared[0]! / MB,
      rssRiseMb: (this.shared[0]! - this.startRss) / MB,
      peakHeapMb: this.peakHeap / MB,
      heapRiseMb: (this.peakHeap - this.startHeap) / MB,
      rssSamples: this.shared[1]!,
      heapSamples: this.heapSamples,
    };
  }
}

interface MemoryPeak {
  peakRssMb: number;
  /** Peak RSS above the RSS at the start of this measurement: earlier phases in the process leave memory behind. */
  rssRiseMb: number;
  peakHeapMb: number;
  heapRiseMb: number;
  rssSamples: number;
  heapSamples: number;
}

/** Cumulative (articles done, ms since start) points, one per committed batch. */
type Progress = { articles: number; ms: number }[];

interface Slice {
  from: number;
  to: number;
  /** Mean milliseconds per article in this slice. */
  msPerArticle: number;
}

/**
 * Cut progress points into about `count` slices of equal article counts. A slice ends on a batch
 * boundary (the nearest to its target), because work is only visible when a batch commits.
 */
function slicesOf(progress: Progress, total: number, count: number): Slice[] {
  const slices: Slice[] = [];
  let previous = { articles: 0, ms: 0 };
  for (let k = 1; k <= count; k++) {
    const target = (total * k) / count;
    let best: { articles: number; ms: number } | undefined;
    for (const point of progress) {
      if (point.articles <= previous.articles) continue;
      if (!best || Math.abs(point.articles - target) < Math.abs(best.articles - target)) best = point;
    }
    if (!best) break;
    slices.push({ from: previous.articles, to: best.articles, msPerArticle: (best.ms - previous.ms) / (best.articles - previous.articles) });
    previous = best;
  }
  return slices;
}

/** Last slice's time per article over the first's: 1.0 is flat, 2.0 means twice as slow when the store is full. */
const growth = (slices: Slice[]): number => (slices.length >= 2 ? slices.at(-1)!.msPerArticle / slices[0]!.msPerArticle : Number.NaN);

/** Second half's time per article over the first half's: the same question, less at the mercy of one noisy slice. */
function halves(slices: Slice[]): number {
  const mid = slices.length >> 1;
  const cost = (part: Slice[]): number => part.reduce((sum, s) => sum + s.msPerArticle * (s.to - s.from), 0) / part.reduce((sum, s) => sum + s.to - s.from, 0);
  return mid >= 1 ? cost(slices.slice(mid)) / cost(slices.slice(0, mid)) : Number.NaN;
}

interface Run {
  what: 'newsfuse' | 'io-floor' | 'naive';
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** Input megabytes (the JSONL file) per second. */
  mbPerSecond?: number;
  slices: Slice[];
  growth: number;
  halves: number;
  memory: MemoryPeak;
  dbBytes?: number;
  stories?: number;
  counts?: Record<string, number>;
}

function finishRun(what: Run['what'], articles: number, ms: number, progress: Progress, slices: number, memory: MemoryPeak): Run {
  const cut = slicesOf(progress, articles, slices);
  return { what, articles, seconds: ms / 1000, articlesPerSecond: (articles / ms) * 1000, slices: cut, growth: growth(cut), halves: halves(cut), memory };
}

const removeDb = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};
const dbSize = (file: string): number =>
  ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);

/** newsfuse: `ingest(store, [file])` into a fresh SQLite file, timed at each batch commit. */
async function runNewsfuse(file: string, dbFile: string, slices: number, workers: number): Promise<Run> {
  removeDb(dbFile);
  const memory = new MemoryMonitor();
  const started = now();
  const store = SqliteStore.open(dbFile);
  let events = 0;
  const progress: Progress = [];
  const counts: Record<string, number> = { new: 0, duplicate: 0, failed: 0, 'near-duplicate': 0, 'exact-duplicate': 0 };
  // A batch's commit time is known when its transaction returns, but its events are reported just
  // after; so a point is completed with the event count when the next batch starts (or at the end).
  let committed: number | undefined;
  const settle = (): void => {
    if (committed !== undefined) progress.push({ articles: events, ms: committed });
    committed = undefined;
  };
  // The store's transaction is the batch boundary; everything else passes straight through.
  const timed = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'transaction') {
        return async <T>(work: () => Promise<T>): Promise<T> => {
          settle();
          const result = await target.transaction(work);
          committed = now() - started;
          memory.sample();
          return result;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Store;
  const summary = await ingest(timed, [file], {
    workers,
    onEvent: (event: IngestEvent) => {
      events++;
      counts[event.kind] = (counts[event.kind] ?? 0) + 1;
      if (event.kind === 'new') {
        for (const m of event.article.messages) {
          if (m.rule === 'fingerprint:near-duplicate') counts['near-duplicate']!++;
          if (m.rule === 'fingerprint:exact-duplicate') counts['exact-duplicate']!++;
        }
      }
    },
  });
  settle();
  await store.close();
  const ms = now() - started;
  const run = finishRun('newsfuse', events, ms, progress, slices, await memory.stop());
  run.mbPerSecond = statSync(file).size / MB / (ms / 1000);
  run.dbBytes = dbSize(dbFile);
  run.stories = summary.stories.size;
  run.counts = counts;
  removeDb(dbFile);
  return run;
}

async function* jsonLines(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as Record<string, unknown>;
}

/**
 * Baseline (a), the I/O floor: what any ingester pays — read the JSONL, parse it, insert each raw
 * article into a bare table, in transactions of the same size as newsfuse's (200), same pragmas.
 */
async function runIoFloor(file: string, dbFile: string, slices: number): Promise<Run> {
  removeDb(dbFile);
  const memory = new MemoryMonitor();
  const started = now();
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE raw (id TEXT PRIMARY KEY, title TEXT, text TEXT, url TEXT, outlet TEXT, published INTEGER)');
  const insert = db.prepare('INSERT OR IGNORE INTO raw (id, title, text, url, outlet, published) VALUES (@id, @title, @text, @url, @outlet, @published)');
  const insertAll = db.transaction((rows: Record<string, unknown>[]) => {
    for (const r of rows) insert.run({ id: r.id, title: r.title ?? null, text: r.text ?? null, url: r.url ?? null, outlet: r.outlet ?? null, published: r.published ?? null });
  });
  const progress: Progress = [];
  let done = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = (): void => {
    insertAll(batch);
    done += batch.length;
    batch = [];
    progress.push({ articles: done, ms: now() - started });
  };
  for await (const record of jsonLines(file)) {
    batch.push(record);
    if (batch.length >= 200) flush();
  }
  if (batch.length) flush();
  db.close();
  const run = finishRun('io-floor', done, now() - started, progress, slices, await memory.stop());
  run.mbPerSecond = statSync(file).size / MB / run.seconds;
  run.dbBytes = dbSize(dbFile);
  removeDb(dbFile);
  return run;
}

/**
 * Baseline (b), the naive clusterer: the same terms, TF-IDF, cosine and threshold as newsfuse, but
 * every article is compared with EVERY story centroid (no index, no time window), in memory. It shows
 * the growth an index exists to avoid; its absolute speed is not comparable (no storage, no cleaning).
 */
async function runNaive(file: string, slices: number): Promise<Run> {
  const memory = new MemoryMonitor();
  const { threshold, centroidTerms } = DEFAULT_CLUSTER_OPTIONS;
  const started = now();
  const df = new Map<string, number>();
  const stories: Map<string, number>[] = [];
  const progress: Progress = [];
  let documents = 0;
  for await (const record of jsonLines(file)) {
    const counts = termCounts(typeof record.title === 'string' ? record.title : undefined, typeof record.text === 'string' ? record.text : '');
    documents++;
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const vector = tfidf(counts, documents, df);
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < stories.length; i++) {
      const score = cosine(vector, stories[i]!);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const sum = new Map(best >= 0 && bestScore >= threshold ? stories[best] : undefined);
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
    const centroid = new Map([...sum].sort((a, b) => b[1] - a[1]).slice(0, centroidTerms));
    if (best >= 0 && bestScore >= threshold) stories[best] = centroid;
    else stories.push(centroid);
    if (documents % 50 === 0) progress.push({ articles: documents, ms: now() - started });
  }
  progress.push({ articles: documents, ms: now() - started });
  const run = finishRun('naive', documents, now() - started, progress, slices, await memory.stop());
  run.stories = stories.length;
  return run;
}

// ---------------------------------------------------------------------------------------------
// Reporting


function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r, i) => {
    const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
    return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

interface Group {
  label: string;
  runs: Run[];
}

const summarize = (group: Group) => ({
  label: group.label,
  repetitions: group.runs.length,
  articles: group.runs[0]!.articles,
  articlesPerSecond: median(group.runs.map((r) => r.articlesPerSecond)),
  mbPerSecond: group.runs[0]!.mbPerSecond === undefined ? undefined : median(group.runs.map((r) => r.mbPerSecond!)),
  articlesPerSecondRange: [Math.min(...group.runs.map((r) => r.articlesPerSecond)), Math.max(...group.runs.map((r) => r.articlesPerSecond))],
  growth: median(group.runs.map((r) => r.growth)),
  halves: median(group.runs.map((r) => r.halves)),
  peakRssMb: median(group.runs.map((r) => r.memory.peakRssMb)),
  rssRiseMb: median(group.runs.map((r) => r.memory.rssRiseMb)),
  peakHeapMb: median(group.runs.map((r) => r.memory.peakHeapMb)),
  dbMb: group.runs[0]!.dbBytes === undefined ? undefined : median(group.runs.map((r) => r.dbBytes!)) / MB,
  stories: group.runs[0]!.stories,
  /** Per-slice medians over repetitions (slices of repeated runs end on the same batch boundaries). */
  slices: group.runs[0]!.slices.map((s, i) => ({ from: s.from, to: s.to, msPerArticle: median(group.runs.map((r) => r.slices[i]?.msPerArticle ?? Number.NaN)) })),
});

type Summary = ReturnType<typeof summarize>;

function printSummaries(summaries: Summary[]): void {
  const rows = [['measurement', 'reps', 'articles', 'art/s (median)', 'range', 'MB/s', 'last/first slice', '2nd/1st half', 'peak RSS MB', 'RSS rise MB', 'peak heap MB', 'db MB', 'stories']];
  for (const s of summaries) {
    rows.push([
      s.label,
      String(s.repetitions),
      thousands(s.articles),
      thousands(s.articlesPerSecond),
      `${thousands(s.articlesPerSecondRange[0]!)}–${thousands(s.articlesPerSecondRange[1]!)}`,
      s.mbPerSecond === undefined ? '-' : fixed(s.mbPerSecond, 1),
      fixed(s.growth),
      fixed(s.halves),
      fixed(s.peakRssMb, 0),
      fixed(s.rssRiseMb, 0),
      fixed(s.peakHeapMb, 0),
      s.dbMb === undefined ? '-' : fixed(s.dbMb, 1),
      s.stories === undefined ? '-' : thousands(s.stories),
    ]);
  }
  console.log(table(rows));
}

function printSlices(summaries: Summary[]): void {
  const count = Math.max(...summaries.map((s) => s.slices.length));
  const rows = [['ms/article by slice', ...summaries.map((s) => s.label)]];
  for (let i = 0; i < count; i++) {
    rows.push([`slice ${i + 1}`, ...summaries.map((s) => (s.slices[i] ? `${fixed(s.slices[i]!.msPerArticle, 3)} (${s.slices[i]!.to})` : ''))]);
  }
  console.log(table(rows));
}

// ---------------------------------------------------------------------------------------------

async function benchIngest(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const pools = loadPools(dataDir);
  if (!pools) {
    console.log(`bench: skipped — the dev data is not there (expecting ${POOL_FILES.map((f) => join(dataDir, f)).join(', ')}; set NEWSFUSE_DATA to its folder).`);
    return;
  }
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    console.error('bench: run with node --expose-gc (npm run bench does) so that each measurement starts from a collected heap');
  }
  const outDir = join(REPO_ROOT, '.tmp', 'bench');
  mkdirSync(outDir, { recursive: true });
  const benchStarted = now();
  const log = (message: string): void => console.error(`[${((now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${message}`);

  const full = await buildCorpus(pools, options.articles, join(outDir, `corpus-${options.articles}.jsonl`), options.seed);
  const small = options.small === options.articles ? full : await buildCorpus(pools, options.small, join(outDir, `corpus-${options.small}.jsonl`), options.seed);
  const warm = await buildCorpus(pools, 400, join(outDir, 'corpus-warmup.jsonl'), options.seed + 1);
  for (const c of [small, full].filter((c, i, all) => all.indexOf(c) === i)) log(`corpus ${c.file}: ${describeCorpus(c)}`);

  // Warm-up: JIT, word lists and language models load on first use; without this, slice 1 of the
  // first measured run pays them and every last/first ratio looks flatter than it is.
  const db = (name: string): string => join(outDir, `${name}.db`);
  await runNewsfuse(warm.file, db('warmup'), 2, options.workers);
  await runIoFloor(warm.file, db('warmup-floor'), 2);
  log('warmed up');

  // Cheap measurements interleaved, so that a noisy neighbour hurts both sides of a ratio alike.
  const floorSmall: Run[] = [];
  const oursSmall: Run[] = [];
  const oneThread: Run[] = [];
  for (let rep = 1; rep <= options.reps; rep++) {
    floorSmall.push(await runIoFloor(small.file, db('floor'), options.slices));
    oursSmall.push(await runNewsfuse(small.file, db('ours'), options.slices, options.workers));
    if (options.workers > 0) oneThread.push(await runNewsfuse(small.file, db('ours'), options.slices, 0));
    log(`N=${small.articles} rep ${rep}/${options.reps}: newsfuse ${thousands(oursSmall.at(-1)!.articlesPerSecond)} art/s (${options.workers} workers)${oneThread.length ? `, ${thousands(oneThread.at(-1)!.articlesPerSecond)} art/s (no worker)` : ''}, I/O floor ${thousands(floorSmall.at(-1)!.articlesPerSecond)} art/s`);
  }
  const naive = [await runNaive(small.file, options.slices)];
  log(`naive clusterer N=${small.articles}: ${thousands(naive[0]!.articlesPerSecond)} art/s, last/first slice ${fixed(naive[0]!.growth)}`);

  const floorFull: Run[] = [];
  const oursFull: Run[] = [];
  if (full !== small) {
    for (let rep = 1; rep <= Math.max(options.reps, options.fullReps); rep++) {
      floorFull.push(await runIoFloor(full.file, db('floor'), options.slices));
      if (rep <= options.fullReps) oursFull.push(await runNewsfuse(full.file, db('ours'), options.slices, options.workers));
      log(`N=${full.articles} rep ${rep}: I/O floor ${thousands(floorFull.at(-1)!.articlesPerSecond)} art/s${rep <= options.fullReps ? `, newsfuse ${thousands(oursFull.at(-1)!.articlesPerSecond)} art/s` : ''}`);
    }
  }

  const groups: Group[] = [
    { label: `newsfuse N=${small.articles}, ${options.workers} workers`, runs: oursSmall },
    { label: `I/O floor N=${small.articles}`, runs: floorSmall },
    { label: `naive N=${small.articles}`, runs: naive },
    ...(oursFull.length ? [{ label: `newsfuse N=${full.articles}, ${options.workers} workers`, runs: oursFull }, { label: `I/O floor N=${full.articles}`, runs: floorFull }] : []),
    ...(oneThread.length ? [{ label: `newsfuse N=${small.articles}, no worker`, runs: oneThread }] : []),
  ];
  const summaries = groups.map(summarize);
  const bySmall = { ours: summaries[0]!, floor: summaries[1]!, naive: summaries[2]! };
  const byFull = oursFull.length ? { ours: summaries[3]!, floor: summaries[4]! } : undefined;
  const ratios = {
    smallThroughputVsFloor: bySmall.ours.articlesPerSecond / bySmall.floor.articlesPerSecond,
    fullThroughputVsFloor: byFull ? byFull.ours.articlesPerSecond / byFull.floor.articlesPerSecond : undefined,
    smallGrowth: bySmall.ours.growth,
    naiveGrowth: bySmall.naive.growth,
    fullGrowth: byFull?.ours.growth,
  };
  const environment = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    platform: `${process.platform}-${process.arch}`,
    options,
    totalSeconds: (now() - benchStarted) / 1000,
  };

  console.log(`\nnewsfuse bench — ${environment.date.slice(0, 10)}, node ${environment.node}, ${environment.cpus} CPUs (${environment.cpuModel}), ${fixed(environment.totalSeconds, 0)} s in all`);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${environment.cpus} CPUs, shared)`);
  for (const c of [small, full].filter((c, i, all) => all.indexOf(c) === i)) console.log(`corpus (built from ${pools.pools.length} dev text pools): ${describeCorpus(c)}`);
  console.log(`medians of ${options.reps} reps where reps > 1\n`);
  printSummaries(summaries);
  console.log('');
  printSlices(summaries);
  console.log('\nratios (same run):');
  const single = summaries.find((x) => x.label.endsWith('no worker'));
  if (single) console.log(`  newsfuse with ${options.workers} workers / with none: ${fixed(bySmall.ours.articlesPerSecond / single.articlesPerSecond, 2)} at N=${small.articles}`);
  console.log(`  newsfuse throughput / I/O floor throughput: ${fixed(ratios.smallThroughputVsFloor, 3)} at N=${small.articles}${byFull ? `, ${fixed(ratios.fullThroughputVsFloor!, 3)} at N=${full.articles}` : ''}`);
  const both = (s: Summary): string => `${fixed(s.growth)} (halves ${fixed(s.halves)})`;
  console.log(`  per-article time, last slice / first slice (2nd half / 1st half): newsfuse ${both(bySmall.ours)} at N=${small.articles}${byFull ? `, ${both(byFull.ours)} at N=${full.articles}` : ''}; naive clusterer ${both(bySmall.naive)} at N=${small.articles}; I/O floor ${both(bySmall.floor)} at N=${small.articles}`);
  if (byFull && options.fullReps === 1) console.log(`  note: newsfuse at N=${full.articles} ran once (--full-reps 1); its figures are a single sample on a shared, noisy machine`);

  const report = { environment, corpora: { full, small }, summaries, ratios, runs: groups };
  writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${join(outDir, 'bench.json')}`);

  const big = byFull ?? bySmall;
  console.log('\nMarkdown for BENCHMARKS.md:\n');
  console.log('| date | node | CPUs | N | newsfuse art/s | I/O floor art/s | newsfuse / floor | last/first slice (2nd/1st half), newsfuse | same, naive clusterer | peak RSS MB | db MB | stories |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const row = (s: { ours: Summary; floor: Summary }, reps: string): string =>
    `| ${environment.date.slice(0, 10)} | ${environment.node} | ${environment.cpus} | ${thousands(s.ours.articles)} (${reps}) | ${thousands(s.ours.articlesPerSecond)} | ${thousands(s.floor.articlesPerSecond)} | ${fixed(s.ours.articlesPerSecond / s.floor.articlesPerSecond, 3)} | ${fixed(s.ours.growth)} (${fixed(s.ours.halves)}) | ${fixed(bySmall.naive.growth)} (${fixed(bySmall.naive.halves)}), N=${thousands(bySmall.naive.articles)} | ${fixed(s.ours.peakRssMb, 0)} | ${fixed(s.ours.dbMb ?? Number.NaN, 1)} | ${thousands(s.ours.stories ?? 0)} |`;
  console.log(row(bySmall, `median of ${options.reps}`));
  if (byFull) console.log(row(big, options.fullReps === 1 ? '1 run' : `median of ${options.fullReps}`));
}

/** The brief bench (bench/brief.ts) on the same dev data, skipped with a message when it is absent. */
async function benchBrief(argv: string[]): Promise<void> {
  const options = parseBriefOptions(argv);
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const seeds = loadSeeds(dataDir);
  if (!seeds) {
    console.log(`bench brief: skipped — the dev data is not there (expecting ${SEED_FILES.map((f) => join(dataDir, f)).join(' and ')}; set NEWSFUSE_DATA to its folder).`);
    return;
  }
  await runBriefBench(seeds, options, join(REPO_ROOT, '.tmp', 'bench'));
}

/**
 * The flatness curve: one ingest of `--articles` (default 100,000) with workers into a fresh store,
 * with the time per article, RSS and store size at every `--step` (default 10,000) articles, and the
 * I/O floor on the same file for the ratio.
 */
async function benchCurve(argv: string[]): Promise<void> {
  const options = { articles: 100_000, step: 10_000, seed: 42, workers: availableParallelism() };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!.replace(/^--/, '') as keyof typeof options;
    const value = Number(argv[i + 1]);
    if (!(name in options) || !Number.isInteger(value) || value < 0) {
      console.error(`bench curve: expecting --articles N, --step S, --seed S or --workers W, instead found "${argv[i]} ${argv[i + 1] ?? ''}"`);
      process.exit(2);
    }
    options[name] = value;
  }
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const pools = loadPools(dataDir);
  if (!pools) {
    console.log(`bench curve: skipped — the dev data is not there (expecting ${POOL_FILES.map((f) => join(dataDir, f)).join(', ')}).`);
    return;
  }
  const outDir = join(REPO_ROOT, '.tmp', 'bench');
  mkdirSync(outDir, { recursive: true });
  const corpus = await buildCorpus(pools, options.articles, join(outDir, `corpus-${options.articles}.jsonl`), options.seed);
  console.error(`bench curve: corpus ${describeCorpus(corpus)}`);
  const floor = await runIoFloor(corpus.file, join(outDir, 'curve-floor.db'), 10);
  console.error(`bench curve: I/O floor ${thousands(floor.articlesPerSecond)} art/s`);
  const dbFile = join(outDir, 'curve.db');
  removeDb(dbFile);
  const memory = new MemoryMonitor();
  const store = SqliteStore.open(dbFile);
  const started = now();
  const points: { articles: number; seconds: number; rssMb: number; dbMb: number; load: number }[] = [];
  let done = 0;
  let next = options.step;
  await ingest(store, [corpus.file], {
    workers: options.workers,
    onEvent: () => {
      done++;
      if (done >= next) {
        next += options.step;
        points.push({ articles: done, seconds: (now() - started) / 1000, rssMb: process.memoryUsage.rss() / MB, dbMb: dbSize(dbFile) / MB, load: loadavg()[0]! });
        const p = points.at(-1)!;
        console.error(`  ${thousands(p.articles)} articles, ${fixed(p.seconds, 0)} s, RSS ${fixed(p.rssMb, 0)} MB, store ${fixed(p.dbMb, 0)} MB, load ${fixed(p.load, 1)}`);
      }
    },
  });
  await store.close();
  const seconds = (now() - started) / 1000;
  const peak = await memory.stop();
  const rows = [['articles', 'ms/article in step', 'cumulative art/s', 'RSS MB', 'store MB', 'load (1 min)']];
  let previous = { articles: 0, seconds: 0 };
  const perStep: number[] = [];
  for (const p of points) {
    const ms = ((p.seconds - previous.seconds) * 1000) / (p.articles - previous.articles);
    perStep.push(ms);
    rows.push([thousands(p.articles), fixed(ms, 3), thousands(p.articles / p.seconds), fixed(p.rssMb, 0), fixed(p.dbMb, 0), fixed(p.load, 1)]);
    previous = p;
  }
  console.log(`\nbench curve — ${new Date().toISOString().slice(0, 10)}, ${options.workers} workers, corpus: ${describeCorpus(corpus)}`);
  console.log(table(rows));
  const lastOverFirst = perStep.length >= 2 ? perStep.at(-1)! / perStep[0]! : Number.NaN;
  const half = perStep.length >> 1;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`newsfuse ${thousands(corpus.articles / seconds)} art/s, ${fixed(corpus.bytes / MB / seconds, 1)} MB/s over ${fixed(seconds, 0)} s; I/O floor ${thousands(floor.articlesPerSecond)} art/s (ratio ${fixed(corpus.articles / seconds / floor.articlesPerSecond, 4)})`);
  console.log(`last step / first step ${fixed(lastOverFirst)}; 2nd half / 1st half ${fixed(mean(perStep.slice(half)) / mean(perStep.slice(0, half)))}; peak RSS ${fixed(peak.peakRssMb, 0)} MB; store ${fixed(points.at(-1)?.dbMb ?? Number.NaN, 0)} MB (${fixed(((points.at(-1)?.dbMb ?? Number.NaN) / corpus.articles) * 1e6, 0)} MB per million articles)`);
  writeFileSync(join(outDir, 'curve.json'), `${JSON.stringify({ options, corpus, floor: floor.articlesPerSecond, seconds, points, peak }, null, 2)}\n`);
  removeDb(dbFile);
}

/** Start-up as whole processes: bare node (the floor), `--version`, and `extract` of one dev page; medians of `--reps` (default 5). */
async function benchStartup(argv: string[]): Promise<void> {
  const reps = argv[0] === '--reps' ? Number(argv[1]) : 5;
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const pagesDir = join(dataDir, 'extraction', 'html');
  const page = existsSync(pagesDir) ? readdirSync(pagesDir).filter((f) => f.endsWith('.html.gz')).sort()[0] : undefined;
  const cli = join(REPO_ROOT, 'bin', 'newsfuse.js');
  const commands: [string, string[]][] = [
    ['bare node (floor)', ['-e', '0']],
    ['newsfuse --version', [cli, '--version']],
    ...(page ? ([['newsfuse extract (one page)', [cli, 'extract', join(pagesDir, page)]]] as [string, string[]][]) : []),
  ];
  const rows = [['command', `median s of ${reps}`, 'min s', 'max s']];
  for (const [label, args] of commands) {
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const started = now();
      const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      times.push((now() - started) / 1000);
      if (child.status !== 0) throw new Error(`${label} failed: ${String(child.stderr)}`);
    }
    rows.push([label, fixed(median(times), 3), fixed(Math.min(...times), 3), fixed(Math.max(...times), 3)]);
  }
  console.log(`start-up — load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}${page ? `; page ${page}` : '; no extraction page (dev data absent)'}`);
  console.log(table(rows));
}

/** The dupes bench (bench/dupes.ts): `run.js dupes [--articles N] [--reps R] [--seed S]`. */
async function benchDupes(argv: string[]): Promise<void> {
  const options = { articles: 5_000, reps: 3, seed: 42 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!.replace(/^--/, '') as keyof typeof options;
    const value = Number(argv[i + 1]);
    if (!(name in options) || !Number.isInteger(value) || value < 1) {
      console.error(`bench dupes: expecting --articles N, --reps R or --seed S, instead found "${argv[i]} ${argv[i + 1] ?? ''}"`);
      process.exit(2);
    }
    options[name] = value;
  }
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const pools = loadPools(dataDir);
  if (!pools) {
    console.log(`bench dupes: skipped — the dev data is not there (expecting ${POOL_FILES.map((f) => join(dataDir, f)).join(', ')}).`);
    return;
  }
  const outDir = join(REPO_ROOT, '.tmp', 'bench');
  mkdirSync(outDir, { recursive: true });
  await runDupesBench(pools, options, REPO_ROOT, outDir);
}

/**
 * `run.js brief [options]` runs only the brief bench, `run.js ingest [options]` only the ingest
 * bench, `run.js warc [options]` only the WARC reader bench; with no suite named, ingest and brief run,
 * the options going to the ingest bench.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'brief') return benchBrief(argv.slice(1));
  if (argv[0] === 'cluster') {
    const { parseClusterOptions, runClusterBench } = await import('./cluster.js');
    return runClusterBench(resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data')), join(REPO_ROOT, '.tmp', 'bench'), parseClusterOptions(argv.slice(1)));
  }
  if (argv[0] === 'ingest') return benchIngest(argv.slice(1));
  if (argv[0] === 'warc') {
    const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
    // The built WARC can be a gigabyte: it goes to the system temp folder and is deleted after the run.
    return runWarcBench(dataDir, parseWarcBenchOptions(argv.slice(1)), join(tmpdir(), 'newsfuse-bench-warc'));
  }
  if (argv[0] === 'dupes') return benchDupes(argv.slice(1));
  if (argv[0] === 'raw-pages') {
    const { parseRawPagesOptions, runRawPagesBench } = await import('./raw-pages.js');
    const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
    return runRawPagesBench(dataDir, parseRawPagesOptions(argv.slice(1)), join(tmpdir(), 'newsfuse-bench-raw-pages'));
  }
  if (argv[0] === 'curve') return benchCurve(argv.slice(1));
  if (argv[0] === 'startup') return benchStartup(argv.slice(1));
  await benchIngest(argv);
  await benchBrief([]);
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
