// How much the clustering figures move with the input order: `newsfuse cluster` on each clustering set in
// its file order and in 5 seeded shuffles of it; B-cubed F1 of each, their mean, spread and range.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineCluster, type BaselineArticle } from './clustering-baseline.js';
import { CLUSTERING_SETS, loadClusteringSet } from './clustering-data.js';
import { cliFailure, jsonLines, type Evaluate } from './context.js';
import { bcubed } from './metrics/bcubed.js';
import type { EvalOutcome } from './types.js';
import { seededRandom } from '../test/seeded-random.js';

const TASK = 'clustering order';
/** Shuffle seeds: fixed, so the figures are the same on every run. */
const SEEDS = [1, 2, 3, 4, 5];

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const evaluate: Evaluate = async (ctx) => {
  const outcomes: EvalOutcome[] = [];
  for (const set of CLUSTERING_SETS) {
    const loaded = loadClusteringSet(ctx.dataDir, set);
    if ('absent' in loaded) {
      outcomes.push({ dataset: set.dataset, task: TASK, reason: `data file absent: ${loaded.absent}` });
      continue;
    }
    const started = performance.now();
    const f1s: number[] = [];
    let failure: string | undefined;
    for (const seed of [0, ...SEEDS]) {
      const file = join(ctx.tmpDir, `${set.dataset}.order-${seed}.jsonl`);
      writeFileSync(file, (seed === 0 ? loaded.inputLines : shuffled(loaded.inputLines, seed)).join('\n') + '\n');
      const result = await ctx.cli(['cluster', '--input', file]);
      if (result.code !== 0) {
        failure = cliFailure('cluster', result);
        break;
      }
      const predicted = new Map<string, string>();
      for (const row of jsonLines(result.stdout).rows) if (row.id !== undefined && row.story !== undefined) predicted.set(String(row.id), String(row.story));
      f1s.push(bcubed(predicted, loaded.gold).f1);
    }
    if (failure) {
      outcomes.push({ dataset: set.dataset, task: TASK, reason: failure });
      continue;
    }
    const baseline = await baselineRow(ctx, set.dataset, loaded.inputLines, loaded.gold);
    outcomes.push({
      dataset: set.dataset,
      task: TASK,
      metrics: orderMetrics(f1s),
      ms: performance.now() - started,
      note: `seeds ${SEEDS.join(', ')} (test/seeded-random.ts, Fisher-Yates); articles with a publish time are processed by it in any order, so the shuffle moves only ties and untimed articles`,
    });
    if (baseline) outcomes.push(baseline);
  }
  return outcomes;
};

/** F1 in file order (first) and over the shuffles (the rest): mean, sample sd, min, max. */
function orderMetrics(f1s: number[]): Record<string, number> {
  const shuffles = f1s.slice(1);
  const mean = shuffles.reduce((s, x) => s + x, 0) / shuffles.length;
  const sd = Math.sqrt(shuffles.reduce((s, x) => s + (x - mean) ** 2, 0) / (shuffles.length - 1));
  return {
    bcubed_f1_file_order: f1s[0]!,
    bcubed_f1_shuffled_mean: mean,
    bcubed_f1_shuffled_sd: sd,
    bcubed_f1_shuffled_min: Math.min(...shuffles),
    bcubed_f1_shuffled_max: Math.max(...shuffles),
    shuffles: shuffles.length,
  };
}

/** The single-pass TF-IDF baseline on the same orders (the cleaned texts from one `extract`, shuffled alike). */
async function baselineRow(ctx: Parameters<Evaluate>[0], dataset: string, inputLines: string[], gold: Map<string, string>): Promise<EvalOutcome | undefined> {
  const started = performance.now();
  const file = join(ctx.tmpDir, `${dataset}.order-extract.jsonl`);
  writeFileSync(file, inputLines.join('\n') + '\n');
  const extracted = await ctx.cli(['extract', file, '--format', 'jsonl']);
  if (extracted.code !== 0) return { dataset, task: `${TASK} baseline`, reason: cliFailure('extract', extracted) };
  const articles: BaselineArticle[] = jsonLines(extracted.stdout).rows.map((row) => {
    const time = typeof row.published === 'string' ? Date.parse(row.published) : Number.NaN;
    return { id: String(row.id), ...(typeof row.title === 'string' ? { title: row.title } : {}), text: typeof row.text === 'string' ? row.text : '', ...(Number.isNaN(time) ? {} : { time }) };
  });
  // The same permutation as the input lines' only when extract gave one row per line, in order.
  if (articles.length !== inputLines.length) return { dataset, task: `${TASK} baseline`, reason: `extract gave ${articles.length} rows for ${inputLines.length} lines` };
  const f1s = [0, ...SEEDS].map((seed) => bcubed(baselineCluster(seed === 0 ? articles : shuffled(articles, seed)), gold).f1);
  return {
    dataset,
    task: `${TASK} baseline`,
    metrics: orderMetrics(f1s),
    referenceLabel: 'single-pass TF-IDF (frozen 2026-12-02), same orders',
    ms: performance.now() - started,
  };
}
