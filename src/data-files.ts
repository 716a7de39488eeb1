// Loads the word lists in data/ (one entry a line, # comments), once per process.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** data/ at the package root, found by walking up from this module (it runs from src/ under tsx and dist/src/ compiled). */
const DATA_DIR = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'data');
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
