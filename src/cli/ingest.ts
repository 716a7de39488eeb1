// `newsfuse ingest`: runs ingestion with a progress bar on a terminal and prints the summary.
import cliProgress from 'cli-progress';
import { ingest, type IngestSummary } from '../ingest.js';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { expandPaths, kindOf } from '../read/files.js';
import { openStore } from '../store/store.js';
import { describeFailure } from './io.js';
import { say } from './output.js';

/** Warnings listed one by one in the summary; the rest are counted by rule. */
const MAX_LISTED_WARNINGS = 50;

function summaryLines(summary: IngestSummary, seconds: number): string[] {
  const lines = [
    `read ${summary.read}, new ${summary.new}, duplicate ${summary.duplicate}, failed ${summary.failed} ` +
      `(${summary.stories.size} stories touched, ${summary.newStories} new) in ${seconds.toFixed(1)} s, ${Math.round((summary.read + summary.failed) / Math.max(seconds, 0.001))} articles/s`,
  ];
  const skipped = [...summary.skipped.values()].reduce((a, b) => a + b, 0);
  if (skipped > 0) {
    const kinds = [...summary.skipped].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, n]) => `${n} ${kind}`);
    lines.push(`  skipped ${skipped} WARC record${skipped === 1 ? '' : 's'} that are not HTML pages (${kinds.join(', ')})`);
  }
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

/** Items a file holds for the progress total: its lines when it is JSONL (counted without parsing), else one. */
async function itemCount(file: string): Promise<number> {
  if (kindOf(file) !== 'jsonl') return 1;
  let lines = 0;
  let last = 10;
  try {
    const stream = createReadStream(file);
    const input = file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      if (chunk.length) last = chunk[chunk.length - 1]!;
    }
  } catch {
    return 1; // unreadable: ingest reports it
  }
  return lines + (last === 10 ? 0 : 1);
}

export async function ingestCommand(paths: string[], options: { db: string; progress: boolean; workers?: number; raw?: boolean }): Promise<number> {
  const store = await openStore(options.db);
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  if (options.progress && process.stderr.isTTY) {
    // The total is the number of items (lines of JSONL files, one per other file), so the bar can show an ETA.
    let items = 0;
    for await (const entry of expandPaths(paths)) if ('file' in entry) items += await itemCount(entry.file);
    bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} articles | {rate} articles/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 2000, fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(1, items), 0, { rate: 0 });
  }
  let articles = 0;
  try {
    const summary = await ingest(store, paths, {
      workers: options.workers,
      raw: options.raw,
      onEvent: () => {
        articles++;
        bar?.update(articles, { rate: Math.round(articles / Math.max(0.001, (Date.now() - started) / 1000)) });
      },
    });
    bar?.stop();
    for (const line of summaryLines(summary, (Date.now() - started) / 1000)) say(line);
    return summary.read === 0 && summary.failed > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}
