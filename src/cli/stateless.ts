// The stateless tools of the CLI contract (extract, cluster, dupes, compare, similarity, timex, summarize).
import { readFile } from 'node:fs/promises';
import type { Article } from '../article.js';
import { clusterArticles } from '../cluster/batch.js';
import { pairSimilarity } from '../cluster/assign.js';
import { articleStoryTerms } from '../cluster/features.js';
import { MemoryStoryIndex } from '../cluster/story-index.js';
import { detectLanguage } from '../describe/language.js';
import { DuplicateFinder } from '../fingerprint/dupes.js';
import { prepareAll } from '../prepare-workers.js';
import { readPaths } from '../read/files.js';
import { availableParallelism } from 'node:os';
import { jaccard } from '../fingerprint/minhash.js';
import { alignPassages } from '../text/passage-align.js';
import { tokenize } from '../text/tokens.js';
import { timeOf } from '../article.js';
import { prepare } from '../pipeline.js';
import { readDocument } from '../read/files.js';
import { summarizeStory } from '../brief/summary/context.js';
import { summaryText } from '../brief/summary/summary.js';
import { decodeBytes } from '../read/decode.js';
import { describeFailure, loadArticles, preparedArticles } from './io.js';
import { say, writeLine } from './output.js';
import { embeddedArticle, jsonRecords } from './jsonl-records.js';
import { terminalSafe } from './terminal.js';

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** `extract FILE...`: one JSON object per page (a JSONL input yields one per line). */
export async function extractCommand(files: string[], options: { format: string }): Promise<number> {
  const results: object[] = [];
  const counts = { failed: 0 };
  for await (const article of preparedArticles(files, ['clean', 'describe'], counts)) {
    const record = {
      file: article.source.file,
      ...(article.source.line !== undefined ? { line: article.source.line } : {}),
      ...(article.source.record !== undefined ? { record: article.source.record } : {}),
      ...(article.input.id !== undefined ? { id: article.input.id } : {}),
      title: article.title ?? null,
      text: article.text,
      published: article.published ?? null,
      updated: article.updated ?? null,
      byline: article.authors.join(', ') || null,
      authors: article.authors,
      outlet: article.outlet ?? null,
      url: article.url ?? null,
      canonicalUrl: article.canonicalUrl ?? null,
      language: article.language ?? null,
      credits: article.data.credits ?? [],
      cited: article.data.cited ?? [],
      dateline: article.data.dateline ?? null,
      provenance: article.provenance,
      messages: article.messages.map((m) => `${m.reason} [${m.rule}]`),
    };
    if (options.format === 'jsonl') await writeLine(JSON.stringify(record));
    else results.push(record);
  }
  if (options.format !== 'jsonl') await writeLine(JSON.stringify(results.length === 1 && files.length === 1 ? results[0] : results, null, 2));
  return counts.failed > 0 && results.length === 0 && options.format !== 'jsonl' ? 1 : 0;
}

/** `cluster --input FILE.jsonl`: `{id, story}` lines in processing order. */
export async function clusterCommand(options: { input: string }): Promise<number> {
  const { articles, failed } = await loadArticles([options.input], ['clean', 'describe']);
  for await (const line of clusterArticles(articles)) await writeLine(JSON.stringify(line));
  return articles.length === 0 && failed > 0 ? 1 : 0;
}

/** `dupes --input FILE.jsonl`: `{a, b, jaccard, kind}` lines. */
export async function dupesCommand(options: { input: string; threshold: number; workers?: number }): Promise<number> {
  // Streamed: pairs are written as articles arrive, and only each article's shingle set is kept.
  // Duplicates need the cleaned body (page furniture off) and its fingerprint, not the description.
  const finder = new DuplicateFinder(options.threshold);
  let articles = 0;
  let failed = 0;
  for await (const result of prepareAll(readPaths([options.input]), options.workers ?? availableParallelism(), ['clean', 'fingerprint'])) {
    if (!result.ok) {
      failed++;
      say(describeFailure(result.failure));
      continue;
    }
    articles++;
    for (const message of result.article.messages) if (message.severity === 'error') say(`${message.source}: ${message.reason} [${message.rule}]`);
    for (const pair of finder.add(result.article)) await writeLine(JSON.stringify(pair));
  }
  return articles === 0 && failed > 0 ? 1 : 0;
}

async function readOne(file: string): Promise<Article | undefined> {
  const kind = /\.html?(\.gz)?$/i.test(file) ? 'html' : 'text';
  const result = await readDocument(file, kind);
  if (!result.ok) {
    say(describeFailure(result.failure));
    return undefined;
  }
  return prepare(result.article);
}

/** `compare A B`: similarity, same-story verdict, shared passages with offsets in both cleaned texts. */
export async function compareCommand(fileA: string, fileB: string, options: { json?: boolean }): Promise<number> {
  const [a, b] = [await readOne(fileA), await readOne(fileB)];
  if (!a || !b) return 1;
  const ta = articleStoryTerms(a);
  const tb = articleStoryTerms(b);
  const index = new MemoryStoryIndex();
  await index.addDocument(ta.keys());
  await index.addDocument(tb.keys());
  const { similarity, sameStory } = await pairSimilarity(index, ta, tb);
  const passages = alignPassages(tokenize(a.text), tokenize(b.text)).map((p) => ({ ...p, text: a.text.slice(p.a[0], p.a[1]) }));
  const result = {
    a: { file: fileA, title: a.title ?? null, outlet: a.outlet ?? null, published: a.published ?? null },
    b: { file: fileB, title: b.title ?? null, outlet: b.outlet ?? null, published: b.published ?? null },
    similarity: round(similarity),
    jaccard: round(jaccard(a.data.shingles!, b.data.shingles!)),
    sameStory,
    passages,
  };
  if (options.json) {
    await writeLine(JSON.stringify(result, null, 2));
    return 0;
  }
  const lines = [
    `A: ${a.title ?? fileA}${a.outlet ? ` (${a.outlet})` : ''}`,
    `B: ${b.title ?? fileB}${b.outlet ? ` (${b.outlet})` : ''}`,
    `similarity ${result.similarity.toFixed(3)}, shingle Jaccard ${result.jaccard.toFixed(3)}: ${result.sameStory ? 'same story' : 'different stories'}`,
    `${passages.length} shared passage${passages.length === 1 ? '' : 's'}`,
    ...passages.map((p) => `  A ${p.a[0]}-${p.a[1]} = B ${p.b[0]}-${p.b[1]} (${p.tokens} words): "${p.text.length > 160 ? `${p.text.slice(0, 157)}...` : p.text}"`),
  ];
  await writeLine(terminalSafe(lines.join('\n')));
  return 0;
}

/** Whether two articles' languages are both known and differ (ISO 639 codes; a region suffix ignored). */
function crossLanguage(a: string | undefined, b: string | undefined): boolean {
  const base = (code: string): string => code.toLowerCase().split(/[-_]/)[0]!;
  return a !== undefined && b !== undefined && base(a) !== base(b);
}

/**
 * `similarity --input PAIRS.jsonl`: `{id, similarity, sameStory}` per pair; the story terms and score of
 * clustering (`pairSimilarity`), with document frequencies counted over all texts of the file first. A pair
 * in two languages (each article's `language`, else the detected one) is scored on names and figures.
 */
export async function similarityCommand(options: { input: string }): Promise<number> {
  const pairs: { id: unknown; a: Map<string, number>; b: Map<string, number>; cross: boolean }[] = [];
  const index = new MemoryStoryIndex();
  for await (const { record, line } of jsonRecords(options.input)) {
    const source = { file: options.input, line };
    const a = embeddedArticle(record.a, source, 'a');
    const b = embeddedArticle(record.b, source, 'b');
    if (!a || !b) continue;
    prepare(a, ['clean']);
    prepare(b, ['clean']);
    const pair = { id: record.id ?? line, a: articleStoryTerms(a), b: articleStoryTerms(b), cross: crossLanguage(a.language ?? detectLanguage(a.text), b.language ?? detectLanguage(b.text)) };
    await index.addDocument(pair.a.keys());
    await index.addDocument(pair.b.keys());
    pairs.push(pair);
  }
  for (const pair of pairs) {
    const { similarity, sameStory } = await pairSimilarity(index, pair.a, pair.b, undefined, pair.cross);
    await writeLine(JSON.stringify({ id: pair.id, similarity: round(similarity), sameStory }));
  }
  return 0;
}

/** `timex --ref ISO_DATE FILE`: the time expressions of the file's text as a JSON array. Exit 2 on a bad --ref. */
export async function timexCommand(file: string, options: { ref: string }): Promise<number> {
  const { findTimeExpressions, parseReference } = await import('../text/timex.js');
  // Only YYYY-MM-DD with an optional THH:MM(:SS)(Z|±HH:MM): Date.parse would take "Jan 5 2021" and read it in local time.
  if (!parseReference(options.ref)) {
    say(`--ref: expecting an ISO date such as 2021-01-08, instead found "${options.ref}"`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    say(`${file}: ${(error as Error).message}`);
    return 1;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    say(`${file}: ${decoded.reason} [${decoded.rule}]`);
    return 1;
  }
  for (const note of decoded.decoded.notes) say(`${file}: ${note.reason} [${note.rule}]`);
  await writeLine(JSON.stringify(findTimeExpressions(decoded.decoded.text, options.ref)));
  return 0;
}

/** `summarize --input FILE.jsonl [--words N]`: `{id, summary}` per group of articles. */
export async function summarizeCommand(options: { input: string; words: number }): Promise<number> {
  for await (const { record, line } of jsonRecords(options.input)) {
    const source = { file: options.input, line };
    if (!Array.isArray(record.articles)) {
      say(`${options.input}:${line}: expecting "articles" to be an array, instead found ${typeof record.articles} [read:fields]`);
      continue;
    }
    const documents = record.articles
      .map((value, i) => embeddedArticle(value, source, `articles[${i}]`))
      .filter((a): a is Article => a !== undefined)
      .map((article, i) => {
        prepare(article, ['clean']);
        return { id: article.input.id ?? String(i), title: article.title, text: article.text, time: timeOf(article) };
      });
    const summary = summaryText(summarizeStory(documents, options.words), options.words);
    await writeLine(JSON.stringify({ id: record.id ?? line, summary }));
  }
  return 0;
}
