// The WARC bench: a record-gzipped WARC built from the extraction dev pages, read -> clean -> describe, pages/s and memory over the file, beside plain baselines.
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { WARCParser } from 'warcio';
import { createReadStream } from 'node:fs';
import { prepareAll } from '../src/prepare-workers.js';
import { readPaths } from '../src/read/files.js';
import { requestRecord, responseRecord, warcinfoRecord } from '../test/warc-builder.js';
import { fixed, gc, now, thousands } from './measure.js';

export interface WarcBenchOptions {
  /** Size of the WARC to build, in MiB of gzipped records. */
  mb: number;
  /** Pages the Readability-alone baseline runs on (it is the slow side; a sample is enough). */
  baselinePages: number;
  slices: number;
  /** Worker threads for the per-article work, as ingest takes them (0: all on the reading thread, as `extract`). */
  workers: number;
  keep: boolean;
}

const USAGE = `usage: node --expose-gc dist/bench/run.js warc [--mb N] [--baseline-pages N] [--slices S] [--workers W] [--keep]
  --mb N              size of the built WARC in MiB (default 200; the issue's 1 GB check is --mb 1024)
  --baseline-pages N  pages for the Readability-alone and one-thread baselines (default 300)
  --slices S          slices of the file that time and memory are reported over (default 10)
  --workers W         worker threads for the per-article work (default one per CPU, as ingest; 0: one thread, as extract)
  --keep              keep the built WARC (default: deleted after the run)`;

export function parseWarcBenchOptions(argv: string[]): WarcBenchOptions {
  const options: WarcBenchOptions = { mb: 200, baselinePages: 300, slices: 10, workers: availableParallelism(), keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--keep') {
      options.keep = true;
      continue;
    }
    const value = Number(argv[i + 1]);
    const key = ({ '--mb': 'mb', '--baseline-pages': 'baselinePages', '--slices': 'slices', '--workers': 'workers' } as const)[arg as '--mb'];
    if (!key || !Number.isInteger(value) || value < (arg === '--workers' ? 0 : 1)) {
      console.error(`bench warc: expecting --mb, --baseline-pages, --slices or --workers followed by a positive integer (0 for --workers), instead found "${arg} ${argv[i + 1] ?? ''}"\n${USAGE}`);
      process.exit(2);
    }
    options[key] = value;
    i++;
  }
  return options;
}

/** Write the WARC: warcinfo, then request + response per page, the dev pages repeated (URL made unique) until `mb` MiB. */
async function buildWarc(pages: Buffer[], file: string, mb: number): Promise<{ records: number; responses: number; bytes: number; htmlBytes: number }> {
  const out = createWriteStream(file);
  const write = (chunk: Buffer): Promise<void> => new Promise((resolve) => (out.write(chunk) ? resolve() : out.once('drain', () => resolve())));
  let bytes = 0;
  let htmlBytes = 0;
  let responses = 0;
  let records = 0;
  const put = async (record: Buffer): Promise<void> => {
    const member = gzipSync(record, { level: 6 });
    bytes += member.length;
    records++;
    await write(member);
  };
  await put(warcinfoRecord());
  for (let round = 0; bytes < mb * 1024 * 1024; round++) {
    for (let i = 0; i < pages.length && bytes < mb * 1024 * 1024; i++) {
      const url = `https://pages.example/${round}/${i}`;
      await put(requestRecord(url));
      await put(responseRecord({ url, body: pages[i]!, contentType: 'text/html' }));
      htmlBytes += pages[i]!.length;
      responses++;
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { records, responses, bytes, htmlBytes };
}

interface Slice {
  pages: number;
  /** Seconds since the run started, at the slice's end. */
  at: number;
  ms: number;
  rssMb: number;
  heapMb: number;
}

/** The load averages, for every figure (other processes share the cores). */
const load = (): string => loadavg().map((l) => fixed(l, 2)).join(' ');

/** newsfuse's pages of the file as ingest prepares them (reader, page parse, clean, describe, on `workers` threads), up to `limit`. */
async function* newsfusePages(file: string, workers: number, limit = Infinity): AsyncGenerator<boolean> {
  let n = 0;
  for await (const result of prepareAll(readPaths([file]), workers, ['clean', 'describe'])) {
    yield result.ok && !result.article.messages.some((m) => m.severity === 'error');
    if (++n >= limit) return;
  }
}

export async function runWarcBench(dataDir: string, options: WarcBenchOptions, workDir: string): Promise<void> {
  const htmlDir = join(dataDir, 'extraction', 'html');
  if (!existsSync(htmlDir)) {
    console.log(`bench warc: skipped — the dev data is not there (expecting ${htmlDir}; set NEWSFUSE_DATA to its folder).`);
    return;
  }
  const pages = readdirSync(htmlDir)
    .filter((n) => n.endsWith('.html.gz'))
    .sort()
    .map((n) => gunzipSync(readFileSync(join(htmlDir, n))));
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, 'bench.warc.gz');
  let started = now();
  const built = await buildWarc(pages, file, options.mb);
  const fileMb = statSync(file).size / 1048576;
  console.log(`built ${file}: ${fixed(built.bytes / 1048576, 0)} MiB, ${thousands(built.records)} records, ${thousands(built.responses)} HTML responses (${pages.length} dev pages repeated, ${fixed(built.htmlBytes / 1048576, 0)} MiB of HTML) in ${fixed((now() - started) / 1000, 1)} s`);
  console.log(`workers ${options.workers} on ${availableParallelism()} CPUs; load ${load()} before`);

  try {
    // I/O floor: warcio streaming the same file and reading every response body, nothing else.
    const floor = async (): Promise<{ pages: number; seconds: number }> => {
      gc();
      const start = now();
      let n = 0;
      for await (const record of new WARCParser(createReadStream(file))) {
        if (record.warcType !== 'response') continue;
        await record.readFully(true);
        n++;
      }
      return { pages: n, seconds: (now() - start) / 1000 };
    };
    const floorBefore = await floor();
    const loadFloor = load();

    // Readability alone on a sample: linkedom + Readability, the plain approach.
    gc();
    started = now();
    const sample = Math.min(options.baselinePages, built.responses);
    for (let i = 0; i < sample; i++) {
      const { document } = parseHTML(pages[i % pages.length]!.toString('utf8'));
      new Readability(document as never).parse();
    }
    const readabilitySeconds = (now() - started) / 1000;

    // newsfuse on one thread over the same sample (what `extract` does), so the workers' gain is a same-run ratio.
    gc();
    started = now();
    let oneThread = 0;
    for await (const ok of newsfusePages(file, 0, sample)) if (ok) oneThread++;
    const oneThreadSeconds = (now() - started) / 1000;

    // newsfuse: the WARC reader -> page parse -> clean -> describe on the workers, as ingest runs them (without fingerprint and store).
    gc();
    const base = process.memoryUsage();
    const sliceSize = Math.max(1, Math.ceil(built.responses / options.slices));
    const slices: Slice[] = [];
    let peakRss = base.rss;
    let count = 0;
    let failed = 0;
    let sliceStart = now();
    started = now();
    for await (const ok of newsfusePages(file, options.workers)) {
      if (!ok) {
        failed++;
        continue;
      }
      count++;
      if (count % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
      if (count % sliceSize === 0 || count === built.responses) {
        const memory = process.memoryUsage();
        peakRss = Math.max(peakRss, memory.rss);
        slices.push({ pages: count, at: (now() - started) / 1000, ms: now() - sliceStart, rssMb: memory.rss / 1048576, heapMb: memory.heapUsed / 1048576 });
        const last = slices[slices.length - 1]!;
        // Printed as it goes, so that a long run (a 1 GB file) shows its shape before it ends.
        console.log(`  slice ${slices.length}: ${count} pages at ${fixed(last.at, 0)} s, ${fixed(last.ms / (count - (slices[slices.length - 2]?.pages ?? 0)), 1)} ms/page, RSS ${fixed(last.rssMb, 0)} MiB, heap ${fixed(last.heapMb, 0)} MiB, load ${load()}`);
        sliceStart = now();
      }
    }
    const seconds = (now() - started) / 1000;
    const loadNewsfuse = load();
    // The floor again after, so that a change of load during the run shows as two different floors.
    const floorAfter = await floor();
    const floorSeconds = (floorBefore.seconds + floorAfter.seconds) / 2;
    const floorRate = floorBefore.pages / floorSeconds;

    const rate = (n: number, s: number): string => `${fixed(n / s, 1)} pages/s`;
    const mbps = (n: number, s: number): string => `${fixed((fileMb * n) / built.responses / s, 1)} MiB/s (${fixed((built.htmlBytes / 1048576) * (n / built.responses) / s, 1)} MiB/s of HTML)`;
    console.log('');
    console.log(`| measurement | pages | seconds | rate | input rate |`);
    console.log(`|---|---:|---:|---:|---:|`);
    console.log(`| newsfuse read + clean + describe, ${options.workers} workers (as ingest) | ${thousands(count)} | ${fixed(seconds, 1)} | ${rate(count, seconds)} | ${mbps(count, seconds)} |`);
    console.log(`| newsfuse read + clean + describe, one thread (as extract), first ${sample} | ${thousands(oneThread)} | ${fixed(oneThreadSeconds, 1)} | ${rate(oneThread, oneThreadSeconds)} | ${mbps(oneThread, oneThreadSeconds)} |`);
    console.log(`| I/O floor: warcio reads every response body (mean of before and after) | ${thousands(floorBefore.pages)} | ${fixed(floorSeconds, 1)} | ${rate(floorBefore.pages, floorSeconds)} | ${mbps(floorBefore.pages, floorSeconds)} |`);
    console.log(`| Readability alone (linkedom + Readability, no reader, no cleanup), one thread | ${thousands(sample)} | ${fixed(readabilitySeconds, 1)} | ${rate(sample, readabilitySeconds)} | |`);
    console.log('');
    console.log(`floor before ${rate(floorBefore.pages, floorBefore.seconds)} (load ${loadFloor}), after ${rate(floorAfter.pages, floorAfter.seconds)}; newsfuse ran at load ${loadNewsfuse}`);
    console.log(`newsfuse / I/O floor: ${fixed(count / seconds / floorRate, 3)}; / one thread: ${fixed(count / seconds / (oneThread / oneThreadSeconds), 2)}; / Readability alone: ${fixed(count / seconds / (sample / readabilitySeconds), 2)}; failures ${failed}`);
    console.log(`memory: RSS ${fixed(base.rss / 1048576, 0)} MiB before, peak ${fixed(peakRss / 1048576, 0)} MiB (all threads) over a ${fixed(fileMb, 0)} MiB file`);
    console.log('slice  pages  at s   ms/page  RSS MiB  heap MiB (main thread)');
    for (const [i, s] of slices.entries()) {
      const pagesInSlice = s.pages - (slices[i - 1]?.pages ?? 0);
      console.log(`${String(i + 1).padStart(5)}  ${String(s.pages).padStart(6)}  ${fixed(s.at, 0).padStart(5)}  ${fixed(s.ms / pagesInSlice, 1).padStart(8)}  ${fixed(s.rssMb, 0).padStart(7)}  ${fixed(s.heapMb, 0).padStart(8)}`);
    }
    const first = slices[0];
    const last = slices[slices.length - 1];
    if (first && last && slices.length > 2) {
      const second = slices[1]!;
      console.log(`last/first slice: time per page ${fixed(last.ms / (last.pages - (slices[slices.length - 2]?.pages ?? 0)) / (first.ms / first.pages), 2)}, RSS ${fixed(last.rssMb / first.rssMb, 2)}; last/second (slice 1 pays JIT and worker start): RSS ${fixed(last.rssMb / second.rssMb, 2)}`);
    }
  } finally {
    if (!options.keep) rmSync(file, { force: true });
  }
}
