// How much the clustering figures move with the input order: `newsfuse cluster` on each clustering set in
// its file order and in 5 seeded shuffles of it; B-cubed F1 of each, their mean, spread and range.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLUSTERING_SETS, loadClusteringSet } from './clustering-data.js';
import { cliFailure, jsonLines, type Evaluate } from './context.js';
import { bcubed } from './metrics/bcubed.js';
import type { EvalOutcome } from './types.js';

const TASK = 'clustering order';
/** Shuffle seeds: fixed, so the figures are the same on every run. */
const SEEDS = [1, 2, 3, 4, 5];

/** Mulberry32: a small seeded generator, so a shuffle is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = random(seed);
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
    const shuffles = f1s.slice(1);
    const mean = shuffles.reduce((s, x) => s + x, 0) / shuffles.length;
    const sd = Math.sqrt(shuffles.reduce((s, x) => s + (x - mean) ** 2, 0) / (shuffles.length - 1));
    outcomes.push({
      dataset: set.dataset,
      task: TASK,
      metrics: {
        bcubed_f1_file_order: f1s[0]!,
        bcubed_f1_shuffled_mean: mean,
        bcubed_f1_shuffled_sd: sd,
        bcubed_f1_shuffled_min: Math.min(...shuffles),
        bcubed_f1_shuffled_max: Math.max(...shuffles),
        shuffles: shuffles.length,
      },
      ms: performance.now() - started,
      note: `seeds ${SEEDS.join(', ')} (mulberry32 Fisher-Yates); articles with a publish time are processed by it in any order, so the shuffle moves only ties and untimed articles`,
    });
  }
  return outcomes;
};
