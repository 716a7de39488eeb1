// npm run bench -- cluster: the clustering step alone (story terms -> Clusterer over the SQLite story index), time per
// article by slice of a long stream, beside the same stream's story-term building as a floor measured in the same run.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Clusterer } from '../src/cluster/assign.js';
import { storyTerms } from '../src/cluster/features.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { buildCorpus, describeCorpus, loadPools, POOL_FILES, type BenchRecord } from './corpus.js';
import { fixed, gc, now, thousands } from './measure.js';

export interface ClusterBenchOptions {
  articles: number;
  slices: number;
  seed: number;
}

const USAGE = `usage: node --expose-gc dist/bench/run.js cluster [--articles N] [--slices S] [--seed S]
  --articles N   stream length (default 100000)
  --slices S     slices the per-article time is reported over (default 10)
  --seed S       corpus generator seed (default 42)`;

export function parseClusterOptions(argv: string[]): ClusterBenchOptions {
  const options: ClusterBenchOptions = { articles: 100_000, slices: 10, seed: 42 };
  const names: Record<string, keyof ClusterBenchOptions> = { '--articles': 'articles', '--slices': 'slices', '--seed': 'seed' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]!];
    const value = Number(argv[i + 1]);
    if (!name || !Number.isInteger(value) || value < 1) {
      console.error(`bench cluster: expecting one of ${Object.keys(names).join(', ')} followed by a positive integer, instead found "${argv[i]} ${argv[i + 1] ?? ''}"\n${USAGE}`);
      process.exit(2);
    }
    options[name] = value;
  }
  return options;
}

/**
 * Streams the bench corpus (see bench/README.md) through the Clusterer over a fresh SQLite store, in
 * transactions of 200 articles as ingest commits them, and reports ms per article for each slice, the
 * last/first ratio, and the stories made. Story terms are built before the clock starts for the
 * clusterer, so the figure is the clustering step alone (index lookups, features, joins, merges).
 */
export async function runClusterBench(dataDir: string, outDir: string, options: ClusterBenchOptions): Promise<void> {
  const pools = loadPools(dataDir);
  if (!pools) {
    console.log(`bench cluster: skipped — the dev data is not there (expecting ${POOL_FILES.map((f) => join(dataDir, f)).join(', ')}).`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const corpusFile = join(outDir, `cluster-corpus-${options.articles}.jsonl`);
  const info = await buildCorpus(pools, options.articles, corpusFile, options.seed);
  console.log(describeCorpus(info));
  const records = readFileSync(corpusFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BenchRecord);
  const events = info.stories;
  const file = join(outDir, 'cluster-bench.db');
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  const termsStarted = now();
  const prepared = records.map((r: BenchRecord) => ({ counts: storyTerms(r.title, r.text ?? '', r.url), time: r.published }));
  const termsMs = now() - termsStarted;
  gc();
  const store = SqliteStore.open(file);
  const clusterer = new Clusterer(store.storyIndex);
  // Slices end on batch boundaries.
  const sliceSize = Math.ceil(prepared.length / options.slices / 200) * 200;
  const slices: number[] = [];
  const stories = new Set<number>();
  let sliceStarted = now();
  const started = sliceStarted;
  for (let from = 0; from < prepared.length; from += 200) {
    const batch = prepared.slice(from, from + 200);
    await store.transaction(async () => {
      for (const item of batch) stories.add((await clusterer.assign(item.counts, item.time)).story);
    });
    const done = Math.min(from + 200, prepared.length);
    if (done % sliceSize === 0 || done === prepared.length) {
      const at = now();
      slices.push((at - sliceStarted) / (done - slices.length * sliceSize));
      sliceStarted = at;
    }
  }
  const totalMs = now() - started;
  await store.close();
  const live = new Set([...stories].map((s) => clusterer.resolve(s))).size;
  console.log(`\n## Clustering step alone: ${thousands(prepared.length)} articles (${thousands(events)} events in the corpus), SQLite story index`);
  console.log(`story terms (not timed below): ${fixed(termsMs / prepared.length, 3)} ms/article`);
  console.log(`clustering: ${thousands((prepared.length / totalMs) * 1000)} art/s, ${fixed(totalMs / prepared.length, 3)} ms/article; ${thousands(live)} stories (${thousands(clusterer.mergedInto.size)} merged away)`);
  console.log('| slice | ms/article |');
  console.log('|---|---|');
  slices.forEach((ms, i) => console.log(`| ${i + 1} | ${fixed(ms, 3)} |`));
  console.log(`last/first slice: ${fixed(slices.at(-1)! / slices[0]!)}; last/second (the first pays JIT warm-up): ${fixed(slices.at(-1)! / slices[1]!)}`);
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}
