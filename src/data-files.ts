// Loads the word lists in data/ (one entry a line, # comments), once per process.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA_DIR = (() => {
  // src/data-files.ts -> ../data; dist/src/data-files.js -> ../../data
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(`${'/dist/'}`) || here.endsWith('/dist/src') ? join(here, '..', '..', 'data') : join(here, '..', 'data');
})();

const cache = new Map<string, string[]>();

/** The non-comment, non-blank lines of `data/NAME`. */
export function dataLines(name: string): string[] {
  let lines = cache.get(name);
  if (!lines) {
    lines = readFileSync(join(DATA_DIR, name), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    cache.set(name, lines);
  }
  return lines;
}
