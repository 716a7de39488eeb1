// Story clustering scores: runs `newsfuse cluster` on ECB+ articles and UCI headlines, scores B-cubed and pairwise.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalContext, Evaluate } from './context.js';
import { bcubed, clusterCount, pairwise } from './metrics/bcubed.js';
import type { EvalOutcome } from './types.js';

/** One clustering data set: where it is, its published baseline, and which gold fields to withhold. */
interface ClusteringSet {
  dataset: string;
  file: string;
  reference: Record<string, number>;
  referenceLabel: string;
}

const SETS: ClusteringSet[] = [
  {
    dataset: 'ecbplus-dev',
    file: 'ecbplus/ecbplus-dev.jsonl',
    reference: { bcubed_f1: 0.873 },
    referenceLabel: 'TF-IDF+agglomerative (data README)',
  },
  {
    dataset: 'uci-titles-dev',
    file: 'uci/uci-titles-dev.jsonl',
    reference: { bcubed_f1: 0.779 },
    referenceLabel: 'TF-IDF+agglomerative (data README)',
  },
];

/** Gold fields that must never reach the CLI. */
const GOLD_FIELDS = new Set(['story', 'topic']);

export const evaluate: Evaluate = async (ctx) => {
  const outcomes: EvalOutcome[] = [];
  for (const set of SETS) outcomes.push(await evaluateSet(ctx, set));
  return outcomes;
};

async function evaluateSet(ctx: EvalContext, set: ClusteringSet): Promise<EvalOutcome> {
  const task = 'clustering';
  const path = join(ctx.dataDir, set.file);
  if (!existsSync(path)) return { dataset: set.dataset, task, reason: `data file absent: ${path}` };
  const started = performance.now();

  const gold = new Map<string, string>();
  const inputLines: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    const id = String(record.id);
    gold.set(id, String(record.story));
    const article: Record<string, unknown> = { id };
    for (const [key, value] of Object.entries(record)) {
      // Nulls (ECB+ has no url or title) are left out rather than sent as null fields.
      if (key !== 'id' && !GOLD_FIELDS.has(key) && value !== null && value !== undefined) article[key] = value;
    }
    inputLines.push(JSON.stringify(article));
  }
  const inputFile = join(ctx.tmpDir, `${set.dataset}.input.jsonl`);
  writeFileSync(inputFile, inputLines.join('\n') + '\n');

  const result = await ctx.cli(['cluster', '--input', inputFile]);
  if (result.code !== 0) {
    return { dataset: set.dataset, task, reason: `newsfuse cluster exited with ${result.code}: ${lastLines(result.stderr)}` };
  }

  const predicted = new Map<string, string>();
  let unparsed = 0;
  let unknown = 0;
  let repeated = 0;
  for (const line of result.stdout.split('\n')) {
    if (!line.trim()) continue;
    let row: { id?: unknown; story?: unknown };
    try {
      row = JSON.parse(line) as { id?: unknown; story?: unknown };
    } catch {
      unparsed++;
      continue;
    }
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
    return { dataset: set.dataset, task, reason: `newsfuse cluster printed no {"id","story"} lines (${unparsed} unreadable lines)` };
  }

  const missing = [...gold.keys()].filter((id) => !predicted.has(id)).length;
  const b3 = bcubed(predicted, gold);
  const pairs = pairwise(predicted, gold);
  const scoredPrediction = new Map([...predicted].filter(([id]) => gold.has(id)));
  const problems = [
    missing ? `${missing} of ${gold.size} articles missing from the output, scored as singletons` : '',
    unknown ? `${unknown} output ids not in the input, ignored` : '',
    repeated ? `${repeated} ids printed more than once, last kept` : '',
    unparsed ? `${unparsed} unreadable output lines` : '',
  ].filter(Boolean);
  return {
    dataset: set.dataset,
    task,
    metrics: {
      bcubed_p: b3.precision,
      bcubed_r: b3.recall,
      bcubed_f1: b3.f1,
      pairwise_p: pairs.precision,
      pairwise_r: pairs.recall,
      pairwise_f1: pairs.f1,
      // Articles missing from the output are singletons, so they count as clusters too.
      clusters: clusterCount(scoredPrediction) + missing,
      gold_clusters: clusterCount(gold),
    },
    reference: set.reference,
    referenceLabel: set.referenceLabel,
    ms: performance.now() - started,
    ...(problems.length ? { note: problems.join('; ') } : {}),
  };
}

/** The end of a command's stderr, on one line, for a skip reason. */
function lastLines(stderr: string): string {
  const text = stderr.trim().split('\n').slice(-3).join(' | ');
  return text.length > 300 ? `…${text.slice(-300)}` : text || '(no stderr)';
}
