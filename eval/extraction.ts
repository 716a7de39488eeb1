// Body extraction: runs `newsfuse extract` on article-extraction-benchmark pages, shingle P/R/F1 against the gold bodies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cliFailure, jsonLines, type Evaluate } from './context.js';
import { aggregate, scorePage, type PageScore } from './metrics/shingle-f1.js';

const DATASET = 'extraction';
const TASK = 'extraction';
const SUFFIX = '.html.gz';

/** The page id of a file the CLI reports: `<id>.html.gz`, with or without a folder. */
const pageId = (file: string): string => basename(file).replace(/\.html\.gz$/, '');

/**
 * Readability alone, the plain approach, on the same pages in the same run: linkedom DOM, Readability's
 * `textContent` of the article it picks (empty when it picks none); the page decoded as UTF-8.
 */
function readabilityAlone(file: string): string {
  try {
    const html = gunzipSync(readFileSync(file)).toString('utf8');
    const { document } = parseHTML(html);
    return new Readability(document as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

export const evaluate: Evaluate = async (ctx) => {
  const folder = join(ctx.dataDir, 'extraction');
  const htmlDir = join(folder, 'html');
  const truthPath = join(folder, 'ground-truth.json');
  if (!existsSync(htmlDir) || !existsSync(truthPath)) {
    return [{ dataset: DATASET, task: TASK, reason: `data folder absent: ${folder} (needs html/ and ground-truth.json)` }];
  }
  const started = performance.now();

  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const ids = readdirSync(htmlDir)
    .filter((name) => name.endsWith(SUFFIX))
    .map(pageId)
    .filter((id) => truth[id] !== undefined)
    .sort();
  if (ids.length === 0) return [{ dataset: DATASET, task: TASK, reason: `no page in ${htmlDir} has a ground-truth entry` }];

  const result = await ctx.cli(['extract', ...ids.map((id) => join(htmlDir, id + SUFFIX)), '--format', 'jsonl']);
  if (result.code !== 0) return [{ dataset: DATASET, task: TASK, reason: cliFailure('extract', result) }];

  const predicted = new Map<string, string>();
  const parsed = jsonLines(result.stdout);
  let unreadable = parsed.malformed;
  for (const row of parsed.rows as { file?: unknown; text?: unknown }[]) {
    if (typeof row.file !== 'string' || typeof row.text !== 'string') unreadable++;
    else predicted.set(pageId(row.file), row.text);
  }

  // A page the CLI skipped counts as an empty extraction (full recall loss), as in the benchmark.
  const pages: PageScore[] = ids.map((id) => scorePage(predicted.get(id) ?? '', truth[id]!.articleBody ?? ''));
  const missing = ids.filter((id) => !predicted.has(id)).length;
  const { precision, recall, f1 } = aggregate(pages);
  const baselineStarted = performance.now();
  const baseline = aggregate(ids.map((id) => scorePage(readabilityAlone(join(htmlDir, id + SUFFIX)), truth[id]!.articleBody ?? '')));
  const baselineMs = Math.round(performance.now() - baselineStarted);
  const notes = [missing ? `${missing} pages had no output (scored as empty)` : '', unreadable ? `${unreadable} unreadable output lines` : '']
    .filter(Boolean)
    .join('; ');
  return [
    {
      dataset: DATASET,
      task: TASK,
      metrics: { precision, recall, f1, pages: ids.length },
      reference: { precision: baseline.precision, recall: baseline.recall, f1: baseline.f1 },
      referenceLabel: `Readability alone, same pages, same run (${baselineMs} ms); published readability.js F1 0.947 on all 181 pages`,
      ms: Math.round(performance.now() - started),
      ...(notes ? { note: notes } : {}),
    },
  ];
};
