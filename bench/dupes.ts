// The dupes bench: `newsfuse dupes` as a whole process against datasketch's MinHashLSH (bench/datasketch-lsh.py) on the same corpus, with recall on exact ground truth.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { prepare } from '../src/pipeline.js';
import { readPaths } from '../src/read/files.js';
import { NEAR_DUPLICATE_THRESHOLD } from '../src/fingerprint/near-duplicate.js';
import { sortedJaccard } from '../src/fingerprint/dupes.js';
import { buildCorpus, describeCorpus, type PoolData } from './corpus.js';
import { fixed, median, thousands } from './measure.js';

export interface DupesBenchOptions {
  articles: number;
  reps: number;
  seed: number;
}

/** Pairs of at least this exact Jaccard are the ones recall is measured on (the issue's figure). */
const RECALL_JACCARD = 0.85;
/** No reported pair may be below this. */
const FLOOR_JACCARD = 0.7;

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`);

/**
 * Every pair of articles whose shingle sets (newsfuse's: cleaned body, 5-word shingles) reach
 * `threshold`, found exactly by prefix filtering (Chaudhuri et al. 2006): with shingles ordered
 * rarest first, two sets with Jaccard >= t share one of the first |s| - ceil(t|s|) + 1 of each.
 * Independent of MinHash and LSH, so it can judge them.
 */
async function groundTruth(file: string, threshold: number): Promise<{ pairs: Set<string>; articles: number }> {
  const docs: { id: string; set: Uint32Array }[] = [];
  for await (const result of readPaths([file])) {
    if (!result.ok) continue;
    const article = prepare(result.article, ['clean', 'fingerprint']);
    const shingles = article.data.shingles;
    if (!shingles || shingles.length === 0) continue;
    const set = Uint32Array.from(new Set(shingles)).sort();
    docs.push({ id: article.id, set });
  }
  const frequency = new Map<number, number>();
  for (const d of docs) for (const s of d.set) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const index = new Map<number, number[]>();
  const pairs = new Set<string>();
  docs.forEach((doc, i) => {
    const byRarity = [...doc.set].sort((x, y) => frequency.get(x)! - frequency.get(y)! || x - y);
    const prefix = byRarity.length - Math.ceil(threshold * byRarity.length) + 1;
    const candidates = new Set<number>();
    for (const s of byRarity.slice(0, prefix)) {
      const list = index.get(s);
      if (list) for (const j of list) candidates.add(j);
      else index.set(s, []);
      index.get(s)!.push(i);
    }
    for (const j of candidates) {
      const other = docs[j]!;
      if (other.set.length < threshold * doc.set.length || doc.set.length < threshold * other.set.length) continue;
      if (sortedJaccard(other.set, doc.set) >= threshold) pairs.add(pairKey(other.id, doc.id));
    }
  });
  return { pairs, articles: docs.length };
}

interface DupesRun {
  seconds: number;
  pairs: { a: string; b: string; jaccard?: number }[];
}

function runNewsfuseDupes(root: string, file: string): DupesRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(root, 'bin', 'newsfuse.js'), 'dupes', '--input', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`newsfuse dupes failed: ${child.stderr}`);
  const pairs = child.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { a: string; b: string; jaccard: number });
  return { seconds, pairs };
}

function runBaseline(root: string, file: string): (DupesRun & { which: string }) | string {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'python3 with numpy is not there (apt-get install python3-numpy; pip install datasketch for datasketch itself)';
  const child = spawnSync('python3', [join(root, 'bench', 'datasketch-lsh.py'), file, '--threshold', String(NEAR_DUPLICATE_THRESHOLD), '--num-perm', '128'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (child.status !== 0) return `the baseline failed: ${child.stderr.slice(-500)}`;
  const out = JSON.parse(child.stdout) as { which: string; seconds: number; pairs: [string, string][] };
  return { which: out.which, seconds: out.seconds, pairs: out.pairs.map(([a, b]) => ({ a, b })) };
}

export async function runDupesBench(pools: PoolData, options: DupesBenchOptions, root: string, outDir: string): Promise<void> {
  const file = join(outDir, `dupes-corpus-${options.articles}.jsonl`);
  const corpus = await buildCorpus(pools, options.articles, file, options.seed);
  console.error(`dupes bench: corpus ${describeCorpus(corpus)}`);
  const truth = await groundTruth(file, RECALL_JACCARD);
  console.error(`dupes bench: ${thousands(truth.pairs.size)} pairs of exact Jaccard >= ${RECALL_JACCARD} (prefix filtering over newsfuse's shingles)`);
  const ours: DupesRun[] = [];
  const theirs: (DupesRun & { which: string })[] = [];
  let absent: string | undefined;
  for (let rep = 1; rep <= options.reps; rep++) {
    ours.push(runNewsfuseDupes(root, file));
    const baseline = absent ? absent : runBaseline(root, file);
    if (typeof baseline === 'string') absent = baseline;
    else theirs.push(baseline);
    console.error(`dupes bench rep ${rep}/${options.reps}: newsfuse ${fixed(ours.at(-1)!.seconds, 1)} s${theirs.length === rep ? `, baseline ${fixed(theirs.at(-1)!.seconds, 1)} s` : ''}`);
  }
  const recall = (pairs: DupesRun['pairs']): number => {
    const found = new Set(pairs.map((p) => pairKey(p.a, p.b)));
    let hit = 0;
    for (const key of truth.pairs) if (found.has(key)) hit++;
    return truth.pairs.size ? hit / truth.pairs.size : Number.NaN;
  };
  const oursSeconds = median(ours.map((r) => r.seconds));
  const reported = ours[0]!.pairs;
  const lowest = Math.min(...reported.map((p) => p.jaccard ?? 1));
  const below = reported.filter((p) => (p.jaccard ?? 1) < FLOOR_JACCARD).length;
  const mb = statSync(file).size / 1048576;
  console.log(`\ndupes bench — ${new Date().toISOString().slice(0, 10)}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; corpus: ${describeCorpus(corpus)}`);
  console.log(`  newsfuse dupes (whole process, threshold ${NEAR_DUPLICATE_THRESHOLD}): median ${fixed(oursSeconds, 2)} s of ${ours.length} = ${thousands(corpus.articles / oursSeconds)} art/s, ${fixed(mb / oursSeconds, 1)} MB/s; ${thousands(reported.length)} pairs, lowest Jaccard ${fixed(lowest, 3)}, ${below} below ${FLOOR_JACCARD}; recall on pairs of Jaccard >= ${RECALL_JACCARD}: ${fixed(recall(reported), 4)}`);
  if (theirs.length) {
    const theirSeconds = median(theirs.map((r) => r.seconds));
    console.log(`  ${theirs[0]!.which} (in-process time, MinHashLSH threshold ${NEAR_DUPLICATE_THRESHOLD}, 128 perms): median ${fixed(theirSeconds, 2)} s of ${theirs.length} = ${thousands(corpus.articles / theirSeconds)} art/s; ${thousands(theirs[0]!.pairs.length)} candidate pairs (unverified, as LSH returns them), recall ${fixed(recall(theirs[0]!.pairs), 4)}`);
    console.log(`  ratio newsfuse art/s / baseline art/s: ${fixed(theirSeconds / oursSeconds, 2)} (the issue asks >= 10 against datasketch itself)`);
  } else {
    console.log(`  datasketch baseline skipped: ${absent}`);
  }
  if (!existsSync(join(root, 'bench', 'datasketch-lsh.py'))) console.log('  (bench/datasketch-lsh.py is missing)');
}
