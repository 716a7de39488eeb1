// Multi-source summary scores: runs `newsfuse summarize` on NeuS events, ROUGE-1/2/L F1 beside a lead baseline.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFailure, jsonLines, readDataJsonl, type Evaluate } from './context.js';
import { rouge } from './metrics/rouge.js';
import { centroidBaseline } from './summaries-baseline.js';

const DATASET = 'neus-val';
const TASK = 'summary';

/**
 * Summary length asked of the CLI and given to the baseline. The gold summaries of neus-val run 65.8 words on
 * average (median 56, 12–223), so 60 sits between median and mean; fixed so that figures compare across runs.
 */
export const SUMMARY_WORDS = 60;

interface NeusEvent {
  cluster: string | number;
  documents: { title?: string; text?: string }[];
  summary: { title?: string; text?: string };
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/**
 * Lead baseline: the first document's sentences from the start until there are at least `limit` words, cut to
 * `limit` words — which is exactly its first `limit` words, so no sentence splitter is needed.
 */
export function leadBaseline(text: string, limit: number): string {
  return words(text).slice(0, limit).join(' ');
}

export const evaluate: Evaluate = async (ctx) => {
  const path = join(ctx.dataDir, 'neus', 'neus-val.jsonl');
  if (!existsSync(path)) return [{ dataset: DATASET, task: TASK, reason: `data file absent: ${path}` }];
  const started = performance.now();

  const events = readDataJsonl<NeusEvent>(path);
  const inputLines = events.map((event) =>
    JSON.stringify({
      id: String(event.cluster),
      articles: event.documents.map((document, index) => ({
        id: `${event.cluster}-${index}`,
        title: document.title ?? '',
        text: document.text ?? '',
      })),
    }),
  );
  const inputFile = join(ctx.tmpDir, `${DATASET}.events.jsonl`);
  writeFileSync(inputFile, inputLines.join('\n') + '\n');

  const result = await ctx.cli(['summarize', '--input', inputFile, '--words', String(SUMMARY_WORDS)]);
  if (result.code !== 0) return [{ dataset: DATASET, task: TASK, reason: cliFailure('summarize', result) }];
  const summaries = new Map<string, string>();
  const parsed = jsonLines(result.stdout);
  let unreadable = parsed.malformed;
  for (const row of parsed.rows as { id?: unknown; summary?: unknown }[]) {
    if (row.id === undefined || typeof row.summary !== 'string') unreadable++;
    else summaries.set(String(row.id), row.summary);
  }
  if (summaries.size === 0) {
    return [{ dataset: DATASET, task: TASK, reason: `newsfuse summarize printed no {"id","summary"} lines (${unreadable} unreadable)` }];
  }

  // A missing summary scores 0 for its event: the average stays over all events.
  const ours = { rouge1: 0, rouge2: 0, rougeL: 0, words: 0 };
  const lead = { rouge1: 0, rouge2: 0, rougeL: 0, words: 0 };
  const centroid = { rouge1: 0, rouge2: 0, rougeL: 0, words: 0 };
  let goldWords = 0;
  for (const event of events) {
    const target = event.summary.text ?? '';
    goldWords += words(target).length;
    const summary = summaries.get(String(event.cluster)) ?? '';
    const baseline = leadBaseline(event.documents[0]?.text ?? '', SUMMARY_WORDS);
    const central = centroidBaseline(event.documents.map((d) => d.text ?? ''), SUMMARY_WORDS);
    for (const [totals, prediction] of [[ours, summary], [lead, baseline], [centroid, central]] as const) {
      const scores = rouge(target, prediction);
      totals.rouge1 += scores.rouge1.fmeasure;
      totals.rouge2 += scores.rouge2.fmeasure;
      totals.rougeL += scores.rougeL.fmeasure;
      totals.words += words(prediction).length;
    }
  }
  const mean = (totals: typeof ours) =>
    Object.fromEntries(Object.entries(totals).map(([name, total]) => [name, total / events.length]));

  const missing = events.filter((event) => !summaries.has(String(event.cluster))).length;
  const notes = [
    `--words ${SUMMARY_WORDS}; gold summaries average ${(goldWords / events.length).toFixed(1)} words`,
    missing ? `${missing} of ${events.length} events without a summary, scored 0` : '',
    unreadable ? `${unreadable} unreadable output lines` : '',
  ].filter(Boolean);
  return [
    {
      dataset: DATASET,
      task: TASK,
      metrics: mean(ours),
      reference: mean(lead),
      referenceLabel: `lead-${SUMMARY_WORDS} baseline (same run)`,
      ms: performance.now() - started,
      note: notes.join('; '),
    },
    {
      dataset: DATASET,
      task: `${TASK} vs centroid`,
      metrics: mean(ours),
      reference: mean(centroid),
      referenceLabel: `TF-IDF centroid baseline (same run)`,
      ms: 0,
    },
  ];
};
