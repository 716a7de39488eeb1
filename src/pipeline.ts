// The ordered per-article stages; run all of them, or a named subset (e.g. re-fingerprint without re-cleaning).
import type { Article } from './article.js';
import { clean } from './clean/clean.js';
import { describe } from './describe/describe.js';
import { fingerprint } from './fingerprint/fingerprint.js';

export const STAGES = { clean, describe, fingerprint } as const;
export type StageName = keyof typeof STAGES;
export const ALL_STAGES: readonly StageName[] = ['clean', 'describe', 'fingerprint'];

/**
 * Run stages on one article, in pipeline order whatever order they are named in. A stage that
 * throws on odd content records an error message on the article; the batch goes on.
 * Clustering and storage are not here: they need a store (see ingest.ts).
 */
export function prepare(article: Article, stages: readonly StageName[] = ALL_STAGES): Article {
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
