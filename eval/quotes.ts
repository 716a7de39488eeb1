// Quote evaluation on PolNeAR dev: `newsfuse quotes` over each article's text, scored as the data README defines,
// with the plain baseline run on the same texts as the reference.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFailure, jsonLines, readDataJsonl, type Evaluate } from './context.js';
import { addQuoteCounts, emptyCounts, quoteScores, scoreArticle, type GoldQuote, type SystemQuote } from './metrics/quote-match.js';
import { baselineQuotes } from './quotes-baseline.js';
import type { EvalOutcome } from './types.js';

interface PolnearArticle {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

const BATCH = 60;
/** Batches run at once (each is one CLI process). */
const PARALLEL = 2;

export const evaluate: Evaluate = async (ctx) => {
  const dataset = 'polnear-dev';
  const task = 'quotes';
  const file = join(ctx.dataDir, 'quotes', 'polnear-dev.jsonl');
  if (!existsSync(file)) return [{ dataset, task, reason: `no file ${file}` }];
  const started = Date.now();
  const articles = readDataJsonl<PolnearArticle>(file);
  const byFile = new Map<string, PolnearArticle>();
  for (const article of articles) {
    const path = join(ctx.tmpDir, `${article.id}.txt`);
    writeFileSync(path, article.text, 'utf8');
    byFile.set(path, article);
  }
  const paths = [...byFile.keys()];
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
  const extra = process.env.NEWSFUSE_QUOTES_ARGS ? process.env.NEWSFUSE_QUOTES_ARGS.split(' ') : [];

  let ours = emptyCounts();
  let baseline = emptyCounts();
  let scored = 0;
  let mismatched = 0;
  const failures: string[] = [];
  for (let i = 0; i < batches.length; i += PARALLEL) {
    const results = await Promise.all(batches.slice(i, i + PARALLEL).map((batch) => ctx.cli(['quotes', ...extra, ...batch])));
    for (const result of results) {
      if (result.code !== 0) failures.push(cliFailure('quotes', result));
      for (const row of jsonLines(result.stdout).rows) {
        const article = byFile.get(String(row.file));
        if (!article) continue;
        const system = (row.quotes as (SystemQuote & { text: string })[]) ?? [];
        mismatched += system.filter((q) => article.text.slice(q.start, q.end) !== q.text).length;
        ours = addQuoteCounts(ours, scoreArticle(article.text, article.quotes, system));
        baseline = addQuoteCounts(baseline, scoreArticle(article.text, article.quotes, baselineQuotes(article.text)));
        scored++;
      }
    }
  }
  if (scored === 0) return [{ dataset, task, reason: `no article scored; first failure: ${failures[0] ?? 'no output'}` }];
  const row: EvalOutcome = {
    dataset,
    task,
    metrics: { ...quoteScores(ours), articles: scored },
    reference: quoteScores(baseline),
    referenceLabel: 'plain baseline, same run',
    ms: Date.now() - started,
  };
  const notes: string[] = [];
  if (scored < articles.length) notes.push(`${articles.length - scored} articles unscored; first failure: ${failures[0] ?? 'none'}`);
  if (mismatched) notes.push(`${mismatched} quotes whose text differs from the file at [start, end)`);
  if (notes.length) row.note = notes.join('; ');
  return [row];
};
