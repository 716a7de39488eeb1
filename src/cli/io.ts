// CLI plumbing that reads articles for the stateless tools (the output helpers are in output.ts).
import type { Article } from '../article.js';
import { describeFailure } from './failure.js';
import { prepare, type StageName } from '../pipeline.js';
import { readPaths } from '../read/files.js';
import type { WarcSkips } from '../read/warc.js';
import { say } from './output.js';

export { describeFailure };

/** One line for the records of a WARC file that were not articles: "12 skipped (7 request, 5 non-HTML response)". */
export function describeSkips(skips: WarcSkips): string | undefined {
  const total = [...skips.counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const kinds = [...skips.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, n]) => `${n} ${kind}`);
  return `${skips.file}: ${total} record${total === 1 ? '' : 's'} skipped, not HTML pages (${kinds.join(', ')}) [read:warc-skipped]`;
}

/**
 * Every article of the paths with the stages run on it, in input order. Failures are reported on
 * stderr and skipped, as are articles' error messages; `counts.failed` tells how many failed.
 */
export async function* preparedArticles(paths: string[], stages?: readonly StageName[], counts = { failed: 0 }): AsyncGenerator<Article> {
  const onSkipped = (skips: WarcSkips): void => {
    const line = describeSkips(skips);
    if (line) say(line);
  };
  for await (const result of readPaths(paths, { onSkipped })) {
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
