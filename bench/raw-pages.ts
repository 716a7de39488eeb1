// The raw-pages bench: ingest of a WARC of the extraction dev pages with raw pages kept and without (interleaved), store size, and reextract over the kept pages.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { ingest } from '../src/ingest.js';
import { reextract } from '../src/reextract.js';
import { packHtml } from '../src/store/raw-page-codec.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { requestRecord, responseRecord, warcinfoRecord } from '../test/warc-builder.js';
import { fixed, median, now } from './measure.js';

export interface RawPagesBenchOptions {
  /** Times the 102 dev pages are repeated (each round with new URLs, so every page is a new article). */
  rounds: number;
  reps: number;
  workers: number;
}

const USAGE = `usage: node --expose-gc dist/bench/run.js raw-pages [--rounds N] [--reps R] [--workers W]
  --rounds N   the dev pages repeated N times under new URLs (default 3: 306 pages)
  --reps R     ingests with and without raw pages, interleaved; medians reported (default 3)
  --workers W  worker threads of ingest (default 0)`;

export function parseRawPagesOptions(argv: string[]): RawPagesBenchOptions {
  const options: RawPagesBenchOptions = { rounds: 3, reps: 3, workers: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    const key = ({ '--rounds': 'rounds', '--reps': 'reps', '--workers': 'workers' } as const)[argv[i] as '--rounds'];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value < ((key as string) === 'workers' ? 0 : 1)) {
      console.error(`bench raw-pages: expecting --rounds, --reps or --workers and a whole number, instead found "${argv[i]} ${argv[i + 1] ?? ''}"\n${USAGE}`);
      process.exit(2);
    }
    options[key] = value;
  }
  return options;
}

/** The store's size on disk with its WAL folded in. */
function storeBytes(file: string): number {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

export async function runRawPagesBench(dataDir: string, options: RawPagesBenchOptions, workDir: string): Promise<void> {
  const htmlDir = join(dataDir, 'extraction', 'html');
  if (!existsSync(htmlDir)) {
    console.log(`bench raw-pages: needs ${htmlDir}, which is absent; nothing measured`);
    return;
  }
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const pages = readdirSync(htmlDir).sort().map((name) => gunzipSync(readFileSync(join(htmlDir, name))));
  const members: Buffer[] = [gzipSync(warcinfoRecord())];
  for (let round = 0; round < options.rounds; round++) {
    pages.forEach((body, i) => {
      const url = `https://pages.example/${round}/${i}`;
      members.push(gzipSync(requestRecord(url)), gzipSync(responseRecord({ url, body, contentType: 'text/html' })));
    });
  }
  const warc = join(workDir, 'pages.warc.gz');
  writeFileSync(warc, Buffer.concat(members));
  const count = pages.length * options.rounds;
  console.log(`raw-pages bench: ${count} pages (${pages.length} dev pages x ${options.rounds}), ${fixed(pages.reduce((a, p) => a + p.length, 0) * options.rounds / 1048576, 1)} MiB of HTML; workers ${options.workers}; load before ${load()}`);

  // The packing alone on the same pages, in this process: the floor of what keeping raw pages costs.
  const texts = pages.map((p) => p.toString('utf8'));
  const packStart = now();
  for (let round = 0; round < options.rounds; round++) for (const t of texts) packHtml(t);
  const packMs = now() - packStart;

  const runs: Record<'raw' | 'bare', { ms: number; cpu: number; bytes: number; packed: number }[]> = { raw: [], bare: [] };
  for (let rep = 0; rep < options.reps; rep++) {
    for (const kind of rep % 2 === 0 ? (['raw', 'bare'] as const) : (['bare', 'raw'] as const)) {
      const file = join(workDir, `${kind}-${rep}.db`);
      const store = SqliteStore.open(file);
      (globalThis as { gc?: () => void }).gc?.();
      const start = now();
      const cpuStart = process.cpuUsage();
      const summary = await ingest(store, [warc], { workers: options.workers, raw: kind === 'raw' });
      const ms = now() - start;
      const used = process.cpuUsage(cpuStart);
      const cpu = (used.user + used.system) / 1000;
      const stats = await store.rawPageStats();
      await store.close();
      if (summary.new !== count) console.log(`  note: ${kind} run stored ${summary.new} of ${count} (${summary.failed} failed)`);
      runs[kind].push({ ms, cpu, bytes: storeBytes(file), packed: stats.storedBytes });
    }
  }
  const row = (kind: 'raw' | 'bare') => ({ ms: median(runs[kind].map((r) => r.ms)), cpu: median(runs[kind].map((r) => r.cpu)), bytes: median(runs[kind].map((r) => r.bytes)), packed: median(runs[kind].map((r) => r.packed)) });
  const raw = row('raw');
  const bare = row('bare');
  // Each rep's raw and no-raw runs are neighbours in time: their ratio is less exposed to the machine's load than the medians.
  const pairs = (key: 'ms' | 'cpu'): number => median(runs.raw.map((r, i) => r[key] / runs.bare[i]![key]));
  console.log('| ingest | median wall s | wall ms/page | median CPU ms/page | store MiB | raw pages MiB |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| raw pages kept (default) | ${fixed(raw.ms / 1000)} | ${fixed(raw.ms / count, 1)} | ${fixed(raw.cpu / count, 1)} | ${fixed(raw.bytes / 1048576)} | ${fixed(raw.packed / 1048576)} |`);
  console.log(`| --no-raw | ${fixed(bare.ms / 1000)} | ${fixed(bare.ms / count, 1)} | ${fixed(bare.cpu / count, 1)} | ${fixed(bare.bytes / 1048576)} | 0 |`);
  console.log(`raw/no-raw: median of per-rep ratios wall ${fixed(pairs('ms'), 3)}, CPU ${fixed(pairs('cpu'), 3)}; store size ${fixed(raw.bytes / bare.bytes, 2)}; packing alone ${fixed(packMs / count, 2)} ms/page (${fixed((packMs / count) / (bare.cpu / count) * 100, 1)}% of a --no-raw page's CPU)`);
  console.log(`all runs (wall s / CPU s): raw ${runs.raw.map((r) => `${fixed(r.ms / 1000)}/${fixed(r.cpu / 1000)}`).join(' ')}; no-raw ${runs.bare.map((r) => `${fixed(r.ms / 1000)}/${fixed(r.cpu / 1000)}`).join(' ')}`);

  // Re-extraction over the kept pages (same code: nothing changes; the cost of a full re-run).
  const store = SqliteStore.open(join(workDir, 'raw-0.db'));
  const start = now();
  const summary = await reextract(store, { workers: options.workers });
  const ms = now() - start;
  await store.close();
  console.log(`reextract: ${summary.pages} pages in ${fixed(ms / 1000)} s (${fixed(ms / summary.pages, 1)} ms/page, ${fixed(ms / raw.ms, 2)}x the ingest), ${summary.changed} changed, ${summary.failed} failed; load after ${load()}`);
  rmSync(workDir, { recursive: true, force: true });
}
