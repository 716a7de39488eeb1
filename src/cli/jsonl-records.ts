// Line-delimited JSON records for the stateless tools whose lines are not plain articles (pairs, groups).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Article, SourceRef } from '../article.js';
import { inputFromRecord } from '../read/jsonl.js';
import { articleFromInput } from '../read/from-input.js';
import { say } from './io.js';

/** Each parsed JSON object of a file with its line number; broken lines are reported and skipped. */
export async function* jsonRecords(file: string): AsyncGenerator<{ record: Record<string, unknown>; line: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      const record: unknown = JSON.parse(text);
      if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new Error('not an object');
      yield { record: record as Record<string, unknown>, line };
    } catch (error) {
      say(`${file}:${line}: expecting a JSON object, instead found malformed JSON (${(error as Error).message}) [read:json]`);
    }
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
