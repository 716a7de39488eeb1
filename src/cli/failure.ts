// One line for a read failure: apart from io.ts so that `dupes` does not load the pipeline's stages with it.
import { sourceName, type ReadFailure } from '../article.js';

/** "file.jsonl:3: reason [rule]". */
export function describeFailure(failure: ReadFailure): string {
  return `${sourceName(failure.source)}: ${failure.reason} [${failure.rule}]`;
}
