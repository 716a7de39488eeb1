// CLI plumbing that reads articles for the stateless tools (the output helpers are in output.ts).
import type { Article, ReadFailure } from '../article.js';
import { prepare, type StageName } from '../pipeline.js';
import { readPaths } from '../read/files.js';
import { say } from './output.js';

export function describeFailure(failure: ReadFailure): string {
  const where = failure.source.line === undefined ? failure.source.file : `${failure.source.file}:${failure.source.line}`;
  return `${where}: ${failure.reason} [${failure.rule}]`;
}

/**
 * Every article of the paths with the stages run on it, in input order. Failures are reported on
 * stderr and skipped, as are articles' error messages; `counts.failed` tells how many failed.
 */
export async function* preparedArticles(paths: string[], stages?: readonly StageName[], counts = { failed: 0 }): AsyncGenerator<Article> {
  for await (const result of readPaths(paths)) {
    if (!result.ok) {
      counts.failed++;
      say(describeFailure(result.failure));
      continue;
    }
    prepare(result.article, stages);
    for (const message of result.article.messages) if (message.severity === 'error') say(`${message.source}: ${message.reason} [${message.rule}]`);
    yield result.article;
  }
}

/** All prepared articles of the paths, for tools that need the whole input (clustering order, duplicates). */
export async function loadArticles(paths: string[], stages?: readonly StageName[]): Promise<{ articles: Article[]; failed: number }> {
  const counts = { failed: 0 };
  const articles: Article[] = [];
  for await (const article of preparedArticles(paths, stages, counts)) articles.push(article);
  return { articles, failed: counts.failed };
}
