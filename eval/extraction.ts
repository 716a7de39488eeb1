// Body extraction: runs `newsfuse extract` on article-extraction-benchmark pages, shingle P/R/F1 against the gold bodies; also through a WARC of the same pages.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { WARCRecord, WARCSerializer } from 'warcio';
import { cliFailure, jsonLines, type Evaluate } from './context.js';
import type { EvalOutcome } from './types.js';
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

/** The URL a page is given in the WARC; its id is the last path segment. */
const warcUrl = (id: string): string => `https://pages.example/extraction/${id}`;

/**
 * The pages as a WARC/1.0 file of HTTP 200 response records, each gzipped on its own as Common Crawl ships them,
 * written with warcio's serializer (not the project's test builder, so reader and writer are independent). The
 * HTTP Content-Type has no charset: the page's own <meta> or detection decides, as when the file is read directly.
 */
async function writeWarc(path: string, pages: { id: string; body: Uint8Array }[]): Promise<void> {
  const members: Uint8Array[] = [];
  for (const { id, body } of pages) {
    const record = WARCRecord.create(
      {
        url: warcUrl(id),
        date: '2019-11-19T00:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.0',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': 'text/html', 'Content-Length': String(body.length) },
      },
      [body],
    );
    members.push(await WARCSerializer.serialize(record, { gzip: true }));
  }
  writeFileSync(path, Buffer.concat(members));
}

/** Texts by page id from `extract --format jsonl` output, keyed by `key(row)`; and how many lines were unreadable. */
function texts(stdout: string, key: (row: { file?: unknown; url?: unknown }) => string | undefined): { byId: Map<string, string>; unreadable: number } {
  const byId = new Map<string, string>();
  const parsed = jsonLines(stdout);
  let unreadable = parsed.malformed;
  for (const row of parsed.rows as { file?: unknown; url?: unknown; text?: unknown }[]) {
    const id = key(row);
    if (id === undefined || typeof row.text !== 'string') unreadable++;
    else byId.set(id, row.text);
  }
  return { byId, unreadable };
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

  const { byId: predicted, unreadable } = texts(result.stdout, (row) => (typeof row.file === 'string' ? pageId(row.file) : undefined));

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
  const viaWarc = await warcFigure(ctx, htmlDir, ids, truth, { precision, recall, f1 });
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
    viaWarc,
  ];
};

/**
 * The same pages read through a WARC (the real WARC reader, then clean and describe as for a file): the figure
 * must equal the direct one, which is printed beside it.
 */
async function warcFigure(
  ctx: Parameters<Evaluate>[0],
  htmlDir: string,
  ids: string[],
  truth: Record<string, { articleBody?: string }>,
  direct: { precision: number; recall: number; f1: number },
): Promise<EvalOutcome> {
  const task = 'extraction via WARC';
  const started = performance.now();
  const file = join(ctx.tmpDir, 'extraction-dev.warc.gz');
  await writeWarc(file, ids.map((id) => ({ id, body: gunzipSync(readFileSync(join(htmlDir, id + SUFFIX))) })));
  const result = await ctx.cli(['extract', file, '--format', 'jsonl']);
  if (result.code !== 0) return { dataset: DATASET, task, reason: cliFailure('extract (WARC)', result) };
  const prefix = warcUrl('');
  const { byId, unreadable } = texts(result.stdout, (row) => (typeof row.url === 'string' && row.url.startsWith(prefix) ? row.url.slice(prefix.length) : undefined));
  const { precision, recall, f1 } = aggregate(ids.map((id) => scorePage(byId.get(id) ?? '', truth[id]!.articleBody ?? '')));
  const missing = ids.filter((id) => !byId.has(id)).length;
  const same = precision === direct.precision && recall === direct.recall && f1 === direct.f1;
  const note = [
    same ? '' : 'WARC figure differs from the direct one',
    missing ? `${missing} pages had no output from the WARC (scored as empty)` : '',
    unreadable ? `${unreadable} unreadable output lines (WARC)` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    dataset: DATASET,
    task,
    metrics: { precision, recall, f1, pages: byId.size },
    reference: direct,
    referenceLabel: 'the same pages read directly (row above), same run',
    ms: Math.round(performance.now() - started),
    ...(note ? { note } : {}),
  };
}
