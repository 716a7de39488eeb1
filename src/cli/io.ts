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
 * Read every article of the paths and run the stages on it. Failures are reported on stderr
 * and skipped; articles' error messages are reported too. Returns the articles in input order.
 */
export async function loadArticles(paths: string[], stages?: readonly StageName[]): Promise<{ articles: Article[]; failed: number }> {
  const articles: Article[] = [];
  let failed = 0;
  for await (const result of readPaths(paths)) {
    if (!result.ok) {
      failed++;
      say(describeFailure(result.failure));
      continue;
    }
    prepare(result.article, stages);
    for (const message of result.article.messages) if (message.severity === 'error') say(`${message.source}: ${message.reason} [${message.rule}]`);
    articles.push(result.article);
  }
  return { articles, failed };
}

/** Parse a positive integer option, or explain what was expected. */
export function positiveInt(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expecting a positive whole number, instead found "${value}"`);
    return n;
  };
}
