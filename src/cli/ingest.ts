// `newsfuse ingest`: runs ingestion with a progress bar on a terminal and prints the summary.
import cliProgress from 'cli-progress';
import { ingest, type IngestSummary } from '../ingest.js';
import { expandPaths } from '../read/files.js';
import { openStore } from '../store/store.js';
import { describeFailure } from './io.js';
import { say } from './output.js';

/** Warnings listed one by one in the summary; the rest are counted by rule. */
const MAX_LISTED_WARNINGS = 50;

function summaryLines(summary: IngestSummary, seconds: number): string[] {
  const lines = [
    `read ${summary.read}, new ${summary.new}, duplicate ${summary.duplicate}, failed ${summary.failed} ` +
      `(${summary.stories.size} stories touched, ${summary.newStories} new) in ${seconds.toFixed(1)} s`,
  ];
  for (const failure of summary.failures) lines.push(`  failed: ${describeFailure(failure)}`);
  const shown = summary.warnings.slice(0, MAX_LISTED_WARNINGS);
  for (const w of shown) lines.push(`  warning: ${w.source}: ${w.reason} [${w.rule}]`);
  if (summary.warnings.length > shown.length) {
    const byRule = new Map<string, number>();
    for (const w of summary.warnings.slice(shown.length)) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
    lines.push(`  … and ${summary.warnings.length - shown.length} more warnings: ${[...byRule].map(([rule, n]) => `${n} × ${rule}`).join(', ')}`);
  }
  return lines;
}

export async function ingestCommand(paths: string[], options: { db: string; progress: boolean; workers?: number }): Promise<number> {
  const store = await openStore(options.db);
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  let lastFile = '';
  let filesDone = 0;
  if (options.progress && process.stderr.isTTY) {
    let files = 0;
    for await (const entry of expandPaths(paths)) if ('file' in entry) files++;
    bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} files | {articles} articles | {rate}/s', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(files, 0, { articles: 0, rate: 0 });
  }
  let articles = 0;
  try {
    const summary = await ingest(store, paths, {
      workers: options.workers,
      onEvent: (event) => {
        const file = event.kind === 'failed' ? event.failure.source.file : event.article.source.file;
        if (file !== lastFile) {
          if (lastFile !== '') filesDone++;
          lastFile = file;
        }
        articles++;
        bar?.update(filesDone, { articles, rate: Math.round(articles / Math.max(0.001, (Date.now() - started) / 1000)) });
      },
    });
    bar?.update(filesDone + (lastFile ? 1 : 0));
    bar?.stop();
    for (const line of summaryLines(summary, (Date.now() - started) / 1000)) say(line);
    return summary.read === 0 && summary.failed > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}
