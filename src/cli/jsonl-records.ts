// Line-delimited JSON records for the stateless tools whose lines are not plain articles (pairs, groups).
import type { Article, SourceRef } from '../article.js';
import { inputFromRecord, readJsonLines } from '../read/jsonl.js';
import { articleFromInput } from '../read/from-input.js';
import { say } from './output.js';

/** Each parsed JSON object of a file with its line number; broken lines are reported and skipped. */
export async function* jsonRecords(file: string): AsyncGenerator<{ record: Record<string, unknown>; line: number }> {
  for await (const parsed of readJsonLines(file)) {
    if (!('record' in parsed)) say(`${file}:${parsed.line}: ${parsed.reason} [${parsed.rule}]`);
    else if (parsed.record === null || typeof parsed.record !== 'object' || Array.isArray(parsed.record)) {
      say(`${file}:${parsed.line}: expecting a JSON object, instead found ${Array.isArray(parsed.record) ? 'an array' : JSON.stringify(parsed.record)} [read:json]`);
    } else yield { record: parsed.record as Record<string, unknown>, line: parsed.line };
  }
}

/** An article from an embedded JSON object (the `a`, `b` or `articles[i]` of a record), or undefined with a message. */
export function embeddedArticle(value: unknown, source: SourceRef, label: string): Article | undefined {
  const input = inputFromRecord(value);
  if (typeof input === 'string') {
    say(`${source.file}:${source.line}: ${label}: ${input} [read:fields]`);
    return undefined;
  }
  return articleFromInput(source, input);
}
