// Shared test helpers: the repository root, temp folders, the seed pages, and running the built CLI.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/article.js';
import { prepare } from '../src/pipeline.js';
import { readPaths } from '../src/read/files.js';

/** The repository root: the nearest folder above this file holding package.json (works from src/ and dist/). */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('test/helpers: expecting a package.json above the test files, instead found none');
    dir = parent;
  }
  return dir;
})();

export const SEEDS_DIR = join(ROOT, 'examples', 'seeds');
export const CLI = join(ROOT, 'bin', 'newsfuse.js');
/** The shared evaluation data (../shared/data), which not every checkout has. */
export const SHARED_DATA_DIR = join(ROOT, '..', 'shared', 'data');

/** A `skip` reason when the shared data is absent, else false: `test(name, { skip: needsSharedData() }, ...)`. */
export function needsSharedData(sub = ''): string | false {
  const path = join(SHARED_DATA_DIR, sub);
  return existsSync(path) ? false : `needs ${path}, which is absent in this checkout`;
}

/** Registers cleanup with the test context when given one (else the caller removes it). */
interface Cleanup {
  after(fn: () => void | Promise<void>): void;
}

/** A fresh folder under os.tmpdir(), removed after the test (or suite) that owns `t`. */
export function tempDir(t?: Cleanup, prefix = 'newsfuse-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t?.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The path of the seed page whose name starts with `prefix` ("000", "001" ...). */
export function seedPath(prefix: string): string {
  const names = ['000_939b7aa4bee97936.txt', '001_9984ae1b6277484c.txt', '002_9e382f5ddaa8df4e.txt', '003_e8f581a424289215.txt'];
  const name = names.find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`seedPath: expecting one of 000..003, instead found "${prefix}"`);
  return join(SEEDS_DIR, name);
}

let seeds: Promise<Map<string, Article>> | undefined;

/** The four seed pages read and run through every stage, keyed by "000".."003" (read once per process). */
export function seedArticles(): Promise<Map<string, Article>> {
  seeds ??= (async () => {
    const byPrefix = new Map<string, Article>();
    for await (const result of readPaths([SEEDS_DIR])) {
      if (!result.ok) throw new Error(`seed ${result.failure.source.file}: ${result.failure.reason}`);
      const article = prepare(result.article);
      byPrefix.set(article.source.file.split('/').pop()!.slice(0, 3), article);
    }
    return byPrefix;
  })();
  return seeds;
}

/** The seed article "000".."003"; throws when it is missing, so tests fail loudly. */
export async function seed(prefix: string): Promise<Article> {
  const article = (await seedArticles()).get(prefix);
  if (!article) throw new Error(`seed ${prefix} was not read`);
  return article;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node bin/newsfuse.js ...args` from the repository root (the build must be done). */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  const env = { ...process.env, ...options.env };
  if (!options.env?.NEWSFUSE_DB) delete env.NEWSFUSE_DB;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`newsfuse ${args.join(' ')}: no exit after ${options.timeoutMs ?? 20000} ms\n${stderr}`));
    }, options.timeoutMs ?? 20000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Parse JSON lines (blank lines skipped); a bad line fails with the line shown. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`expecting a JSON line, instead found: ${line.slice(0, 200)}`);
      }
    });
}

export { seededRandom } from './seeded-random.js';
