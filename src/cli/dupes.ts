// `dupes`: exact and near-duplicate pairs among JSONL articles, streamed, without a store.
import { availableParallelism } from 'node:os';
import { DuplicateFinder } from '../fingerprint/dupes.js';
import { prepareAll } from '../prepare-workers.js';
import { readPaths } from '../read/files.js';
import { describeFailure } from './io.js';
import { say, writeLine } from './output.js';

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
