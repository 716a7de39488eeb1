// npm run bench -- brief: time buildBrief on stories of 50 and 500 articles, the cached path, and plain baselines in the same run.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ANALYSIS_VERSION, parseAnalysis, type ArticleAnalysis } from '../src/brief/analysis.js';
import { buildBrief } from '../src/brief/brief.js';
import { summarize } from '../src/brief/summary/summary.js';
import { newArticleOf } from '../src/ingest.js';
import { prepare } from '../src/pipeline.js';
import { articleFromInput } from '../src/read/from-input.js';
import { inputFromRecord } from '../src/read/jsonl.js';
import type { StoredArticle, StorySummary } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { tokenize } from '../src/text/tokens.js';
import type { Seed } from './corpus.js';
import { fixed, gc, median, now, thousands } from './measure.js';
import { buildStory, pickEvent, type StoryShape } from './story-corpus.js';

export interface BriefBenchOptions {
  sizes: number[];
  reps: number;
  seed: number;
}

export const BRIEF_USAGE = `usage: node --expose-gc dist/bench/run.js brief [--sizes 50,500] [--reps R] [--seed S]
  --sizes LIST  story sizes in articles (default 50,500)
  --reps R      timed runs per measurement after one warm-up, medians reported (default 5; fewer is
                flagged in the output: a quick look or a profile, not a figure to publish)
  --seed S      story generator seed (default 42)`;

/** Targets from the issue: the brief of a 50-article story within 300 ms, of a 500-article story within 3 s. */
const TARGET_MS: Record<number, number> = { 50: 300, 500: 3000 };
/** The cache key the bench writes under; the bench's store is its own, so any fixed string does. */
const FORMAT = 'bench';

export function parseBriefOptions(argv: string[]): BriefBenchOptions {
  const options: BriefBenchOptions = { sizes: [50, 500], reps: 5, seed: 42 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i]!, argv[i + 1] ?? ''];
    if (name === '--help' || name === '-h') {
      console.log(BRIEF_USAGE);
      process.exit(0);
    }
    const numbers = value.split(',').map(Number);
    if (!numbers.every((n) => Number.isInteger(n) && n > 0) || !['--sizes', '--reps', '--seed'].includes(name) || (name !== '--sizes' && numbers.length !== 1)) {
      console.error(`bench brief: expecting --sizes N,N..., --reps N or --seed N (positive integers), instead found "${name} ${value}"\n${BRIEF_USAGE}`);
      process.exit(2);
    }
    if (name === '--sizes') options.sizes = numbers;
    else if (name === '--reps') options.reps = numbers[0]!;
    else options.seed = numbers[0]!;
  }
  return options;
}

/** The story's records run through every stage and inserted into one story of a fresh store, as ingest would store them. */
async function storeStory(records: ReturnType<typeof buildStory>['records'], file: string): Promise<{ store: SqliteStore; id: number }> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const store = SqliteStore.open(file);
  const id = await store.storyIndex.newStoryId();
  await store.transaction(async () => {
    await store.storyIndex.saveStory({ id, vector: new Map(), size: 0 }, []);
    for (const [line, record] of records.entries()) {
      const input = inputFromRecord(record);
      if (typeof input === 'string') throw new Error(`story record ${record.id}: ${input}`);
      const article = prepare(articleFromInput({ file: 'story.jsonl', line: line + 1 }, input));
      const { itemKey, contentHash, signature } = article.data;
      if (!itemKey || !contentHash || !signature) throw new Error(`story record ${record.id}: not fingerprinted`);
      await store.insertArticle(
        newArticleOf(article, itemKey, contentHash, signature),
        id,
        [],
        false,
      );
    }
  });
  return { store, id };
}

/** The plain brief: tokenise every article (what passage finding starts from) and the multi-source summary, nothing else. */
function plainBrief(articles: StoredArticle[]): number {
  let tokens = 0;
  for (const a of articles) tokens += tokenize(a.text).length;
  const summary = summarize(articles.map((a) => ({ id: String(a.id), title: a.title, text: a.text, time: a.published ? Date.parse(a.published) : undefined })), 90);
  return tokens + summary.length;
}

interface SizeResult {
  shape: StoryShape;
  /** Milliseconds of every timed run, by measurement: wall clock, and CPU time of this process (all its threads). */
  runs: Record<Measurement, number[]>;
  cpuRuns: Record<Measurement, number[]>;
  medians: Record<Measurement, number>;
  cpuMedians: Record<Measurement, number>;
  briefBytes: number;
  notes: string[];
}

const MEASUREMENTS = ['read', 'plain', 'build', 'store', 'miss', 'rebuild', 'hit'] as const;
type Measurement = (typeof MEASUREMENTS)[number];
const LABELS: Record<Measurement, string> = {
  read: 'read the story (storyArticles)',
  plain: 'plain brief (tokens + summary)',
  build: 'buildBrief',
  store: 'JSON.stringify + putCachedBrief',
  miss: 'cache miss (read + build + store)',
  rebuild: 'rebuild, analyses kept (read + stored analyses + build)',
  hit: 'cache hit (getCachedBrief + JSON.parse)',
};

/** Measurements whose CPU time the table shows too: on shared cores, wall-clock time also counts the neighbours' work. */
const CPU_SHOWN: readonly Measurement[] = ['build', 'miss', 'rebuild'];

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(work: () => unknown): Promise<Timing> {
  gc();
  const cpuStarted = process.cpuUsage();
  const started = now();
  await work();
  const wall = now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const loadAverage = (): string => loadavg().map((l) => l.toFixed(2)).join(' / ');

async function benchSize(seeds: readonly Seed[], outlets: string[], size: number, options: BriefBenchOptions, outDir: string, log: (m: string) => void): Promise<SizeResult | undefined> {
  const picked = pickEvent(seeds);
  if (!picked) return undefined;
  const { records, shape } = buildStory(picked.event, picked.reports, outlets, size, options.seed);
  const file = join(outDir, `brief-story-${size}.db`);
  const { store, id } = await storeStory(records, file);
  try {
    const summary = (await store.getStory(id)) as StorySummary;
    const articles = await store.storyArticles(id);
    const version = (await store.storyVersion(id))!;
    // Warm-up: JIT, word lists and models load on first use. The story's first 50 articles run
    // every code path; the whole story would only add minutes where the brief is slow.
    buildBrief(summary, articles.slice(0, 50));
    plainBrief(articles.slice(0, 50));
    log(`N=${size}: story stored (${shape.originals} originals, ${shape.wireCopies} wire copies, ${shape.rewrites} rewrites, ${shape.outlets} outlets), warmed up on its first 50`);

    // What a rebuild after a story change finds: every article's analysis kept from before.
    // They are what one earlier build handed back (entity mentions, quotes and time expressions).
    const kept: { article: number; version: string; json: string }[] = [];
    buildBrief(summary, articles, { analysed: (key, analysis) => kept.push({ article: Number(key), version: ANALYSIS_VERSION, json: JSON.stringify(analysis) }) });
    await store.putAnalyses(kept);
    let built: unknown;
    let json = '';
    const runs = Object.fromEntries(MEASUREMENTS.map((m) => [m, [] as number[]])) as Record<Measurement, number[]>;
    const cpuRuns = Object.fromEntries(MEASUREMENTS.map((m) => [m, [] as number[]])) as Record<Measurement, number[]>;
    const record = (m: Measurement, timing: Timing): void => {
      runs[m].push(timing.wall);
      cpuRuns[m].push(timing.cpu);
    };
    for (let rep = 0; rep < options.reps; rep++) {
      // Interleaved, so a noisy neighbour slows every measurement of a rep alike.
      // A cache miss is what `newsfuse brief` pays on a changed story: read, build, serialise and
      // store. Its parts are timed one by one and added up, so buildBrief runs once per rep.
      let read: StoredArticle[] = [];
      record('read', await timed(async () => void (read = await store.storyArticles(id))));
      record('plain', await timed(() => plainBrief(articles)));
      record('build', await timed(() => void (built = buildBrief(summary, read))));
      record('store', await timed(() => store.putCachedBrief(id, FORMAT, (json = JSON.stringify(built)), version)));
      runs.miss.push(runs.read.at(-1)! + runs.build.at(-1)! + runs.store.at(-1)!);
      cpuRuns.miss.push(cpuRuns.read.at(-1)! + cpuRuns.build.at(-1)! + cpuRuns.store.at(-1)!);
      record(
        'rebuild',
        await timed(async () => {
          const rows = await store.storyArticles(id);
          const analyses = new Map<number, ArticleAnalysis>();
          for (const [article, stored] of await store.getAnalyses(rows.map((a) => a.id), ANALYSIS_VERSION)) analyses.set(article, parseAnalysis(stored)!);
          if (analyses.size !== rows.length) throw new Error(`bench brief: expecting ${rows.length} kept analyses, instead found ${analyses.size}`);
          buildBrief(summary, rows, { analyses });
        }),
      );
      record(
        'hit',
        await timed(async () => {
          const cached = await store.getCachedBrief(id, FORMAT);
          if (cached === undefined) throw new Error('bench brief: expecting a cached brief, instead found none');
          JSON.parse(cached);
        }),
      );
      log(`N=${size} rep ${rep + 1}/${options.reps}: buildBrief ${fixed(runs.build.at(-1)!, 1)} ms (CPU ${fixed(cpuRuns.build.at(-1)!, 1)} ms), rebuild ${fixed(runs.rebuild.at(-1)!, 1)} ms, plain ${fixed(runs.plain.at(-1)!, 1)} ms, hit ${fixed(runs.hit.at(-1)!, 2)} ms`);
    }
    const medians = Object.fromEntries(MEASUREMENTS.map((m) => [m, median(runs[m])])) as Record<Measurement, number>;
    const cpuMedians = Object.fromEntries(MEASUREMENTS.map((m) => [m, median(cpuRuns[m])])) as Record<Measurement, number>;
    return { shape, runs, cpuRuns, medians, cpuMedians, briefBytes: Buffer.byteLength(json), notes: (built as { notes?: string[] }).notes ?? [] };
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

/** Run the brief bench; prints a table, writes .tmp/bench/brief.json and Markdown rows for BENCHMARKS.md. */
export async function runBriefBench(seeds: readonly Seed[], options: BriefBenchOptions, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const started = now();
  const loadBefore = loadAverage();
  const log = (message: string): void => console.error(`[${((now() - started) / 1000).toFixed(0).padStart(4)} s] brief: ${message}`);
  const outlets = [...new Set(seeds.map((s) => s.outlet).filter((o): o is string => o !== undefined))];
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    const result = await benchSize(seeds, outlets, size, options, outDir, log);
    if (!result) {
      console.log('bench brief: skipped — no ECB+ event with titled articles in the dev data');
      return;
    }
    results.push(result);
  }
  const date = new Date().toISOString();
  const load = { before: loadBefore, after: loadAverage() };
  const environment = { date, node: process.version, cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown', options, totalSeconds: (now() - started) / 1000, load };

  console.log(`\nnewsfuse brief bench — ${date.slice(0, 10)}, node ${environment.node}, ${environment.cpus} CPUs (${environment.cpuModel}), ${fixed(environment.totalSeconds, 0)} s in all`);
  const s0 = results[0]!.shape;
  console.log(`story: ECB+ event ${s0.event} (${s0.originals} reports, ${thousands(s0.meanChars)} characters on average over the story), copies by ${outlets.length ? 'UCI outlet names' : 'numbered outlets'}; medians of ${options.reps} runs after a warm-up\n`);
  console.log(`load average (1 / 5 / 15 min): ${load.before} before, ${load.after} after\n`);
  if (options.reps < 5) console.log(`note: --reps ${options.reps}: fewer than 5 runs each, so these are not medians to publish\n`);
  const rows = [['ms (median)', ...results.map((r) => `N=${r.shape.articles}`)]];
  for (const m of MEASUREMENTS) rows.push([LABELS[m], ...results.map((r) => fixed(r.medians[m], m === 'hit' ? 2 : 1))]);
  for (const m of CPU_SHOWN) rows.push([`${LABELS[m]}, CPU time`, ...results.map((r) => fixed(r.cpuMedians[m], 1))]);
  rows.push(['buildBrief / plain brief', ...results.map((r) => fixed(r.medians.build / r.medians.plain, 2))]);
  rows.push(['buildBrief / read', ...results.map((r) => fixed(r.medians.build / r.medians.read, 1))]);
  rows.push(['cache miss / cache hit', ...results.map((r) => thousands(r.medians.miss / r.medians.hit))]);
  rows.push(['brief JSON KB', ...results.map((r) => fixed(r.briefBytes / 1024, 0))]);
  rows.push(['target (miss)', ...results.map((r) => (TARGET_MS[r.shape.articles] ? `< ${TARGET_MS[r.shape.articles]} ms: ${r.medians.miss < TARGET_MS[r.shape.articles]! ? 'met' : 'MISSED'}` : '-'))]);
  rows.push(['target (rebuild)', ...results.map((r) => (TARGET_MS[r.shape.articles] ? `< ${TARGET_MS[r.shape.articles]} ms: ${r.medians.rebuild < TARGET_MS[r.shape.articles]! ? 'met' : 'MISSED'}` : '-'))]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const r of results) for (const note of r.notes) console.log(`  N=${r.shape.articles}: brief note: ${note}`);

  writeFileSync(join(outDir, 'brief.json'), `${JSON.stringify({ environment, results }, null, 2)}\n`);
  console.log(`\nwrote ${join(outDir, 'brief.json')}`);
  console.log('\nMarkdown for BENCHMARKS.md:\n');
  console.log('| date | node | CPUs | N (originals / wire copies / rewrites, outlets) | read ms | plain brief ms | buildBrief ms | cache miss ms | cache hit ms | buildBrief / plain | miss / hit |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const s = r.shape;
    const m = r.medians;
    console.log(`| ${date.slice(0, 10)} | ${environment.node} | ${environment.cpus} | ${s.articles} (${s.originals} / ${s.wireCopies} / ${s.rewrites}, ${s.outlets}) | ${fixed(m.read, 1)} | ${fixed(m.plain, 1)} | ${fixed(m.build, 1)} | ${fixed(m.miss, 1)} | ${fixed(m.hit, 2)} | ${fixed(m.build / m.plain, 2)} | ${thousands(m.miss / m.hit)} |`);
  }
}
