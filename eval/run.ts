// `npm run eval`: runs every evaluation module through the CLI, prints one table and writes .tmp/eval/eval.json.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createContext, REPO_ROOT, type Evaluate } from './context.js';
import type { EvalOutcome, EvalRow, EvalSkip } from './types.js';

/** Modules in run order; loaded lazily so that one missing or broken module becomes a skip, not a crash. */
const MODULES: Record<string, () => Promise<{ evaluate: Evaluate }>> = {
  clustering: () => import('./clustering.js'),
  'clustering-order': () => import('./clustering-order.js'),
  sts22: () => import('./sts22.js'),
  extraction: () => import('./extraction.js'),
  timex: () => import('./timex.js'),
  summaries: () => import('./summaries.js'),
  entities: () => import('./entities.js'),
  quotes: () => import('./quotes.js'),
  conflicts: () => import('./conflicts.js'),
  'same-claim': () => import('./same-claim.js'),
};

const isSkip = (outcome: EvalOutcome): outcome is EvalSkip => 'reason' in outcome;

/** Run one module; anything it throws, and anything malformed it returns, becomes an EvalSkip. */
async function runModule(name: string, ctx: ReturnType<typeof createContext>): Promise<EvalOutcome[]> {
  try {
    const { evaluate } = await MODULES[name]!();
    const outcomes = await evaluate(ctx);
    if (!Array.isArray(outcomes)) throw new Error(`expecting an array of outcomes, instead found ${typeof outcomes}`);
    return outcomes;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ dataset: name, task: name, reason: `module failed: ${message.split('\n')[0]}` }];
  }
}

/** Scores as 0.873, counts as integers, undefined scores (NaN) as n/a. */
function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return 'n/a';
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** One line per metric of every row; the dataset, task and timing are printed on a row's first line only. */
function formatTable(rows: EvalRow[]): string {
  const header = ['dataset', 'task', 'metric', 'ours', 'reference', 'reference label', 'seconds'];
  const lines: string[][] = [];
  for (const row of rows) {
    Object.entries(row.metrics).forEach(([metric, value], index) => {
      const reference = row.reference?.[metric];
      lines.push([
        index === 0 ? row.dataset : '',
        index === 0 ? row.task : '',
        metric,
        formatNumber(value),
        formatNumber(reference),
        reference === undefined ? '' : (row.referenceLabel ?? ''),
        index === 0 ? (row.ms / 1000).toFixed(1) : '',
      ]);
    });
  }
  const numeric = new Set([3, 4, 6]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(render)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const requested = argv.length ? argv : Object.keys(MODULES);
  const unknown = requested.filter((name) => !(name in MODULES));
  if (unknown.length) {
    process.stderr.write(`eval: unknown module ${unknown.join(', ')}; expecting any of ${Object.keys(MODULES).join(', ')}\n`);
    return 2;
  }
  const ctx = createContext();
  const outcomes: EvalOutcome[] = [];
  for (const name of requested) {
    process.stderr.write(`eval: ${name}…\n`);
    const started = performance.now();
    const result = await runModule(name, ctx);
    process.stderr.write(`eval: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    outcomes.push(...result);
  }

  const rows = outcomes.filter((outcome): outcome is EvalRow => !isSkip(outcome));
  const skips = outcomes.filter(isSkip);
  const out: string[] = [];
  if (rows.length) out.push(formatTable(rows));
  else out.push('(no data set could be scored)');
  const notes = rows.filter((row) => row.note);
  if (notes.length) out.push('', ...notes.map((row) => `note   ${row.dataset} ${row.task}: ${row.note}`));
  if (skips.length) out.push('', ...skips.map((skip) => `skip   ${skip.dataset} ${skip.task}: ${skip.reason}`));

  const jsonPath = join(ctx.tmpDir, 'eval.json');
  // NaN has no JSON form; an undefined score is written as null.
  const report = {
    finishedAt: new Date().toISOString(),
    node: process.version,
    dataDir: ctx.dataDir,
    modules: requested,
    rows,
    skips,
  };
  writeFileSync(jsonPath, JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n');
  out.push('', `results: ${relative(REPO_ROOT, jsonPath)}`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
