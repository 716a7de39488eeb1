// The ordered per-article stages; run all of them, or a named subset (e.g. re-fingerprint without re-cleaning).
import type { Article } from './article.js';
import { clean } from './clean/clean.js';
import { describe } from './describe/describe.js';
import { fingerprint } from './fingerprint/fingerprint.js';
import { readPage } from './read/page.js';

export const STAGES = { clean, describe, fingerprint } as const;
export type StageName = keyof typeof STAGES;
export const ALL_STAGES: readonly StageName[] = ['clean', 'describe', 'fingerprint'];

/**
 * Run stages on one article, in pipeline order whatever order they are named in. An article read from
 * HTML has its page parsed first (the read stage's per-article step, `readPage`), here rather than in
 * the reader, so that it runs wherever the stages run: on worker threads when there are any. A stage that
 * throws on odd content records an error message on the article; the batch goes on.
 * Clustering and storage are not here: they need a store (see ingest.ts).
 */
export function prepare(article: Article, stages: readonly StageName[] = ALL_STAGES): Article {
  try {
    readPage(article);
  } catch (error) {
    article.message('read:crash', `reading the page failed on this article: ${(error as Error).message}`, 'error');
  }
  for (const name of ALL_STAGES) {
    if (!stages.includes(name)) continue;
    try {
      STAGES[name](article);
    } catch (error) {
      article.message(`${name}:crash`, `the ${name} stage failed on this article: ${(error as Error).message}`, 'error');
    }
  }
  return article;
}
