// CLI plumbing: stdout lines with backpressure, messages to stderr, reading articles for stateless tools.
import type { Article, ReadFailure } from '../article.js';
import { prepare, type StageName } from '../pipeline.js';
import { readPaths } from '../read/files.js';
import { terminalSafe } from './terminal.js';

/** Write a line to stdout, waiting when the pipe is full (so huge outputs do not pile up in memory). */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise<void>((done) => process.stdout.once('drain', () => done()));
}

/** A message for the user on stderr, prefixed with the program name. */
export function say(message: string): void {
  process.stderr.write(`newsfuse: ${terminalSafe(message)}\n`);
}

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

/** Parse a positive integer option, or explain what was expected. */
export function positiveInt(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expecting a positive whole number, instead found "${value}"`);
    return n;
  };
}
