// Story clustering scores: runs `newsfuse cluster` on ECB+ articles, UCI headlines and both as one stream; B-cubed and pairwise,
// beside the frozen single-pass TF-IDF baseline run in the same evaluation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineCluster, type BaselineArticle } from './clustering-baseline.js';
import { CLUSTERING_SETS, loadClusteringSet, type ClusteringSet } from './clustering-data.js';
import { cliFailure, jsonLines, type EvalContext, type Evaluate } from './context.js';
import { bcubed, clusterCount, pairwise } from './metrics/bcubed.js';
import type { EvalOutcome } from './types.js';

const TASK = 'clustering';

export const evaluate: Evaluate = async (ctx) => {
  const outcomes: EvalOutcome[] = [];
  for (const set of CLUSTERING_SETS) outcomes.push(...(await evaluateSet(ctx, set)));
  return outcomes;
};

/** B-cubed and pairwise figures of a prediction (missing articles are singletons). */
function scores(predicted: Map<string, string>, gold: Map<string, string>): Record<string, number> {
  const b3 = bcubed(predicted, gold);
  const pairs = pairwise(predicted, gold);
  const scored = new Map([...predicted].filter(([id]) => gold.has(id)));
  const missing = [...gold.keys()].filter((id) => !predicted.has(id)).length;
  return {
    bcubed_p: b3.precision,
    bcubed_r: b3.recall,
    bcubed_f1: b3.f1,
    pairwise_p: pairs.precision,
    pairwise_r: pairs.recall,
    pairwise_f1: pairs.f1,
    // Articles missing from the output are singletons, so they count as clusters too.
    clusters: clusterCount(scored) + missing,
    gold_clusters: clusterCount(gold),
  };
}

async function evaluateSet(ctx: EvalContext, set: ClusteringSet): Promise<EvalOutcome[]> {
  const loaded = loadClusteringSet(ctx.dataDir, set);
  if ('absent' in loaded) return [{ dataset: set.dataset, task: TASK, reason: `data file absent: ${loaded.absent}` }];
  const { gold, inputLines } = loaded;
  const inputFile = join(ctx.tmpDir, `${set.dataset}.input.jsonl`);
  writeFileSync(inputFile, inputLines.join('\n') + '\n');

  const started = performance.now();
  const result = await ctx.cli(['cluster', '--input', inputFile]);
  if (result.code !== 0) return [{ dataset: set.dataset, task: TASK, reason: cliFailure('cluster', result) }];
  const ms = performance.now() - started;

  const predicted = new Map<string, string>();
  const parsed = jsonLines(result.stdout);
  let unparsed = parsed.malformed;
  let unknown = 0;
  let repeated = 0;
  for (const row of parsed.rows) {
    if (row.id === undefined || row.story === undefined || row.story === null) {
      unparsed++;
      continue;
    }
    const id = String(row.id);
    if (!gold.has(id)) unknown++;
    else if (predicted.has(id)) repeated++;
    // A repeated id keeps its last story: the CLI's final word on that article.
    predicted.set(id, String(row.story));
  }
  if (predicted.size === 0) {
    return [{ dataset: set.dataset, task: TASK, reason: `newsfuse cluster printed no {"id","story"} lines (${unparsed} unreadable lines)` }];
  }
  const missing = [...gold.keys()].filter((id) => !predicted.has(id)).length;
  const problems = [
    missing ? `${missing} of ${gold.size} articles missing from the output, scored as singletons` : '',
    unknown ? `${unknown} output ids not in the input, ignored` : '',
    repeated ? `${repeated} ids printed more than once, last kept` : '',
    unparsed ? `${unparsed} unreadable output lines` : '',
  ].filter(Boolean);
  const ours: EvalOutcome = {
    dataset: set.dataset,
    task: TASK,
    metrics: scores(predicted, gold),
    ...(set.reference !== undefined ? { reference: { bcubed_f1: set.reference }, referenceLabel: 'TF-IDF+agglomerative (data README)' } : {}),
    ms,
    ...(problems.length ? { note: problems.join('; ') } : {}),
  };

  // The baseline sees the same cleaned title, text and publish time as the product (from `extract`).
  const baselineStarted = performance.now();
  const extracted = await ctx.cli(['extract', inputFile, '--format', 'jsonl']);
  if (extracted.code !== 0) return [ours, { dataset: set.dataset, task: `${TASK} baseline`, reason: cliFailure('extract', extracted) }];
  const articles: BaselineArticle[] = jsonLines(extracted.stdout).rows.map((row) => {
    const time = typeof row.published === 'string' ? Date.parse(row.published) : Number.NaN;
    return {
      id: String(row.id),
      ...(typeof row.title === 'string' ? { title: row.title } : {}),
      text: typeof row.text === 'string' ? row.text : '',
      ...(Number.isNaN(time) ? {} : { time }),
    };
  });
  const baseline: EvalOutcome = {
    dataset: set.dataset,
    task: `${TASK} baseline`,
    metrics: scores(baselineCluster(articles), gold),
    referenceLabel: 'single-pass TF-IDF (frozen 2026-12-02)',
    ms: performance.now() - baselineStarted,
  };
  return [ours, baseline];
}

