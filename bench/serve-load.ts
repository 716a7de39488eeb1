// Load on `newsfuse serve` from a second process on loopback: requests/s and latency percentiles of the story list and a cached brief, on a store of N articles, beside a static asset as the HTTP floor.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { fixed, thousands } from './measure.js';

const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

const USAGE = 'usage: node dist/bench/serve-load.js [--articles N] [--seconds S] [--connections C]';

function options(argv: string[]): { articles: number; seconds: number; connections: number } {
  const result = { articles: 100_000, seconds: 5, connections: 8 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${USAGE}\nexpecting a positive whole number after ${argv[i]}, instead found "${argv[i + 1]}"`);
    if (argv[i] === '--articles') result.articles = value;
    else if (argv[i] === '--seconds') result.seconds = value;
    else if (argv[i] === '--connections') result.connections = value;
    else throw new Error(`${USAGE}\nunknown option ${argv[i]}`);
  }
  return result;
}

/** A small deterministic generator (same store on every run). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = 'harbour council budget minister election river festival market railway school hospital storm vaccine court strike factory museum airport bridge league museum farmers drought orchestra satellite tunnel reactor'.split(' ');

/** The seeds (one real story with its brief) and synthetic stories of ten articles each up to `articles`. */
async function buildStore(file: string, articles: number): Promise<void> {
  const store = SqliteStore.open(file);
  try {
    await ingest(store, [join(ROOT, 'examples', 'seeds')]);
    const next = random(42);
    const word = (): string => WORDS[Math.floor(next() * WORDS.length)]!;
    let made = 4;
    const start = Date.UTC(2022, 0, 1);
    while (made < articles) {
      await store.transaction(async () => {
        for (let s = 0; s < 200 && made < articles; s++) {
          const story = await store.storyIndex.newStoryId();
          await store.storyIndex.saveStory({ id: story, vector: new Map(), size: 0 }, []);
          const subject = `${word()} ${word()}`;
          for (let a = 0; a < 10 && made < articles; a++, made++) {
            const text = Array.from({ length: 120 }, word).join(' ');
            await store.insertArticle(
              {
                itemKey: `synthetic-${made}`,
                contentHash: `synthetic-${made}`,
                source: `synthetic/${made}.txt`,
                outlet: `outlet${Math.floor(next() * 300)}.example`,
                title: `The ${subject} story, report ${a + 1}`,
                published: new Date(start + made * 60_000).toISOString(),
                language: 'en',
                authors: [],
                credits: [],
                cited: [],
                text,
                signature: Uint32Array.from({ length: 128 }, () => Math.floor(next() * 2 ** 32)),
                messages: [],
              },
              story,
              [],
              false,
            );
          }
        }
      });
    }
  } finally {
    await store.close();
  }
}

/** `connections` loops requesting `url` for `seconds`; latencies in ms. */
async function load(url: string, seconds: number, connections: number): Promise<{ requests: number; latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { requests: latencies.length, latencies: latencies.sort((a, b) => a - b), errors };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const { articles, seconds, connections } = options(process.argv.slice(2));
  const dir = join(ROOT, '.tmp', 'bench-serve');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `store-${articles}.db`);
  if (!existsSync(file)) {
    const t = performance.now();
    await buildStore(file, articles);
    process.stderr.write(`built ${file} (${thousands(articles)} articles) in ${fixed((performance.now() - t) / 1000, 1)} s\n`);
  }
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsfuse.js'), 'serve', '--port', '0', '--db', file], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEWSFUSE_TOKEN: '' } });
  const base = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = / at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  try {
    // The seed story is story 1; its brief is built once here, then served from the store's cache.
    const cold = performance.now();
    await (await fetch(`${base}/api/stories/1`)).arrayBuffer();
    process.stderr.write(`seed brief built in ${fixed(performance.now() - cold, 0)} ms; load ${loadavg().map((l) => fixed(l)).join(' ')}\n`);
    const rows: string[] = ['| request | requests/s | p50 ms | p99 ms | errors |', '|---|---:|---:|---:|---:|'];
    for (const [name, path] of [
      ['static asset (HTTP floor)', '/assets/app.css'],
      ['story list, newest 20', '/api/stories'],
      ['story list, largest 20', '/api/stories?order=largest'],
      ['story list page (HTML)', '/'],
      ['cached brief (JSON)', '/api/stories/1'],
      ['story page (HTML, cached brief)', '/stories/1'],
    ] as const) {
      await load(`${base}${path}`, 1, connections); // warm-up
      const result = await load(`${base}${path}`, seconds, connections);
      rows.push(`| ${name} \`${path}\` | ${thousands(result.requests / seconds)} | ${fixed(percentile(result.latencies, 50))} | ${fixed(percentile(result.latencies, 99))} | ${result.errors} |`);
    }
    process.stdout.write(`${thousands(articles)} articles, ${connections} connections, ${seconds} s each, load average after ${loadavg().map((l) => fixed(l)).join(' ')}\n${rows.join('\n')}\n`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`serve-load: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
