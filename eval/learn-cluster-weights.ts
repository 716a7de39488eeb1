// Learns the story join and merge models and their bars (data/cluster-weights.json) from dev data: logistic regression, then B-cubed.
//
// Procedure (one setting for all data sets):
// - Data: ECB+ dev and UCI headlines dev, read and prepared as `cluster --input` does (clean, describe);
//   story terms are made once per article, then everything runs the product's Clusterer in process.
// - Split: each set's gold stories are split into two halves by a hash of the story id (FNV-1a, even/odd),
//   so that no story is in both. The model and the bar are fitted on half A only; half B is reported beside
//   it as a check on over-fitting, and the full sets for the record.
// - Training rows: the half-A articles are streamed in processing order into gold stories (each article
//   joins the story of its gold label, so the stories are what a perfect clusterer would hold). For every
//   article, each candidate story the index returns (the same lookup as at run time), and the gold story
//   when the lookup missed it, gives one row: its pair features (src/cluster/assign.ts) and label 1 when it
//   is the article's gold story.
// - Fixed: the coefficients in FIXED_COEFFICIENTS (time beyond a day: no dev set shows it) are not fitted;
//   they enter the fit as an offset.
// - Fit: L2-regularised logistic regression (Newton's method, lambda 1e-3 on the coefficients), each set's
//   rows weighted to the same total, so neither corpus dominates.
// - Bars (one setting that must serve every kind of input): the evidence floor (a multiple of the plain
//   clusterer's cosine bar, held at 1, see FLOORS), the join probability, and a higher join probability for
//   a story of one article (SINGLE_BARS; 0 = none), chosen on fixed grids by the mean B-cubed F1 on half A
//   over the sets and both streamed together (which counts stories that glue the sets together against
//   it). The mean, not the worst set: the worst set (UCI) pulled the bar to the grid's floor and ECB+
//   below the single-pass baseline.
// - Merges: a second logistic model over the same features, "this grown story and that candidate story
//   are one", fitted on the story pairs met while clustering half A with the current bars (merging off),
//   each labelled by whether the two stories' most common gold labels agree; its bar (MERGE_BARS, or off)
//   by the same objective. Bars and merges are searched in turn (coordinate ascent, at most 3 rounds,
//   stopping when the objective no longer rises); ties keep the earlier setting (deterministic).
// - Generality: time is read only beyond one day (UCI's publish times are crawl times of an aggregator
//   page, all of one story within a minute, which a minute-scale decay would exploit and no real stream offers).
//
// Usage: npx tsc -p tsconfig.json && node dist/eval/learn-cluster-weights.js [--write]
//   prints the model and the figures; --write saves the setting to data/cluster-weights.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeOf } from '../src/article.js';
import { Clusterer, contentSize, FEATURE_NAMES, joinable, FIXED_COEFFICIENTS, loadClusterOptions, pairFeatures, type ClusterOptions, type JoinModel } from '../src/cluster/assign.js';
import { processingOrder } from '../src/cluster/batch.js';
import { articleStoryTerms } from '../src/cluster/features.js';
import { MemoryStoryIndex } from '../src/cluster/story-index.js';
import { loadArticles } from '../src/cli/io.js';
import type { StoryCentroid } from '../src/store/store.js';
import { hashString } from '../src/text/tokens.js';
import { CLUSTERING_SETS, loadClusteringSet } from './clustering-data.js';
import { REPO_ROOT } from './context.js';
import { bcubed } from './metrics/bcubed.js';

interface Prepared {
  id: string;
  counts: Map<string, number>;
  time?: number;
  half: 0 | 1;
}

interface Corpus {
  dataset: string;
  /** In processing order. */
  articles: Prepared[];
  gold: Map<string, string>;
  /** The sets streamed together (scored, not trained on). */
  combined?: boolean;
}

async function loadCorpora(dataDir: string): Promise<Corpus[]> {
  const corpora: Corpus[] = [];
  const tmp = join(REPO_ROOT, '.tmp', 'learn');
  mkdirSync(tmp, { recursive: true });
  for (const set of CLUSTERING_SETS.filter((s) => s.files.length === 1)) {
    const loaded = loadClusteringSet(dataDir, set);
    if ('absent' in loaded) throw new Error(`learn-cluster-weights: expecting the dev file ${loaded.absent}, instead found nothing`);
    const file = join(tmp, `${set.dataset}.jsonl`);
    writeFileSync(file, loaded.inputLines.join('\n') + '\n');
    const { articles } = await loadArticles([file], ['clean', 'describe']);
    corpora.push({
      dataset: set.dataset,
      gold: loaded.gold,
      articles: processingOrder(articles).map((article) => {
        const time = timeOf(article);
        return {
          id: article.id,
          counts: articleStoryTerms(article),
          ...(time !== undefined ? { time } : {}),
          half: (hashString(loaded.gold.get(article.id)!) % 2) as 0 | 1,
        };
      }),
    });
  }
  // Both sets as one stream, as eval/clustering.ts runs it: the untimed ECB+ articles first, then UCI by
  // time; ids and labels prefixed per set; each article keeps its half.
  const prefixed = corpora.map((corpus, i) => ({
    articles: corpus.articles.map((article) => ({ ...article, id: `${i}:${article.id}` })),
    gold: [...corpus.gold].map(([id, story]): [string, string] => [`${i}:${id}`, `${i}:${story}`]),
  }));
  corpora.push({
    dataset: corpora.map((c) => c.dataset).join('+'),
    articles: prefixed.flatMap((p) => p.articles),
    gold: new Map(prefixed.flatMap((p) => p.gold)),
    combined: true,
  });
  return corpora;
}

/** B-cubed F1 of clustering the articles of one half (or all, with `half` undefined) under `options`. */
async function score(corpus: Corpus, options: ClusterOptions, half?: 0 | 1): Promise<number> {
  const clusterer = new Clusterer(new MemoryStoryIndex(), options);
  const predicted = new Map<string, string>();
  const gold = new Map<string, string>();
  const assigned = new Map<string, number>();
  for (const article of corpus.articles) {
    if (half !== undefined && article.half !== half) continue;
    assigned.set(article.id, (await clusterer.assign(article.counts, article.time)).story);
    gold.set(article.id, corpus.gold.get(article.id)!);
  }
  // Merged stories stand for the story that took them in.
  for (const [id, story] of assigned) predicted.set(id, String(clusterer.resolve(story)));
  return bcubed(predicted, gold).f1;
}

/** The most common gold label of a story's members (ties: the smaller label). */
function majority(labels: Map<string, number>): string {
  return [...labels].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
}

/**
 * Training rows of the merge model from one corpus half: the articles are clustered with `options` (its
 * join model and bar, merging off); each time a story of at least the merge size grows, each of its merge
 * candidates gives one row, labelled 1 when both stories' most common gold labels agree.
 */
async function mergeRows(corpus: Corpus, options: ClusterOptions, half: 0 | 1): Promise<Row[]> {
  const clusterer = new Clusterer(new MemoryStoryIndex(), { ...options, mergeProbability: 0 });
  const members = new Map<number, Map<string, number>>();
  const rows: { features: number[]; label: 0 | 1 }[] = [];
  const stories = new Map<number, StoryCentroid>();
  for (const article of corpus.articles) {
    if (article.half !== half) continue;
    const label = corpus.gold.get(article.id)!;
    const vector = await clusterer.vectorOf(article.counts);
    const terms = contentSize(article.counts);
    const best = (await clusterer.candidates(vector, terms, article.time)).find((c) => c.probability >= options.joinProbability && joinable(c, terms, options));
    let id: number;
    if (best) {
      await clusterer.join(best.story, vector, article.time);
      id = best.story.id;
      stories.set(id, best.story);
    } else {
      id = await clusterer.startStory(vector, article.time);
    }
    const labels = members.get(id) ?? new Map<string, number>();
    labels.set(label, (labels.get(label) ?? 0) + 1);
    members.set(id, labels);
    const story = stories.get(id);
    if (!story || story.size < (options.mergeSize ?? 2)) continue;
    for (const candidate of await clusterer.mergeCandidates(story)) {
      const other = members.get(candidate.story.id);
      if (!other) continue;
      rows.push({ features: candidate.features, label: majority(labels) === majority(other) ? 1 : 0 });
    }
  }
  return rows.map((row) => ({ ...split(row.features), label: row.label, weight: 1 / rows.length }));
}

interface Row {
  /** The learned features (FEATURE_NAMES without FIXED_COEFFICIENTS). */
  features: number[];
  /** The fixed coefficients' share of the log-odds. */
  offset: number;
  label: 0 | 1;
  weight: number;
}

/** Training rows of one corpus half: candidates of each article against the gold stories built so far. */
async function trainingRows(corpus: Corpus, options: ClusterOptions, half: 0 | 1): Promise<Row[]> {
  const clusterer = new Clusterer(new MemoryStoryIndex(), options);
  const stories = new Map<string, StoryCentroid>();
  const rows: { features: number[]; label: 0 | 1 }[] = [];
  for (const article of corpus.articles) {
    if (article.half !== half) continue;
    const label = corpus.gold.get(article.id)!;
    const vector = await clusterer.vectorOf(article.counts);
    const terms = contentSize(article.counts);
    const own = stories.get(label);
    let found = false;
    for (const candidate of await clusterer.candidates(vector, terms, article.time)) {
      const positive = own !== undefined && candidate.story.id === own.id;
      found ||= positive;
      rows.push({ features: candidate.features, label: positive ? 1 : 0 });
    }
    if (own && !found) rows.push({ features: pairFeatures(vector, terms, article.time, own), label: 1 });
    if (own) await clusterer.join(own, vector, article.time);
    else {
      const id = await clusterer.startStory(vector, article.time);
      stories.set(label, (await clusterer.candidates(vector, terms, article.time)).find((c) => c.story.id === id)!.story);
    }
  }
  return rows.map((row) => ({ ...split(row.features), label: row.label, weight: 1 / rows.length }));
}

const LEARNED = FEATURE_NAMES.filter((name) => !(name in FIXED_COEFFICIENTS));

/** A full feature row as the learned features and the fixed coefficients' offset. */
function split(features: number[]): { features: number[]; offset: number } {
  let offset = 0;
  const learned: number[] = [];
  FEATURE_NAMES.forEach((name, i) => {
    if (name in FIXED_COEFFICIENTS) offset += FIXED_COEFFICIENTS[name]! * features[i]!;
    else learned.push(features[i]!);
  });
  return { features: learned, offset };
}

/** Solve A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * x[c]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

/** Weighted L2-regularised logistic regression by Newton's method; returns [intercept, ...coefficients]. */
function fitLogistic(rows: Row[], lambda: number): number[] {
  const k = rows[0]!.features.length + 1;
  let beta = new Array<number>(k).fill(0);
  const total = rows.reduce((s, r) => s + r.weight, 0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const row of rows) {
      const x = [1, ...row.features];
      let z = row.offset;
      for (let i = 0; i < k; i++) z += beta[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = row.weight / total;
      for (let i = 0; i < k; i++) {
        gradient[i]! += w * (p - row.label) * x[i]!;
        const h = w * p * (1 - p) * x[i]!;
        for (let j = 0; j < k; j++) hessian[i]![j]! += h * x[j]!;
      }
    }
    for (let i = 1; i < k; i++) {
      gradient[i]! += lambda * beta[i]!;
      hessian[i]![i]! += lambda;
    }
    for (let i = 0; i < k; i++) hessian[i]![i]! += 1e-9;
    const step = solve(hessian, gradient);
    beta = beta.map((b, i) => b - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return beta;
}

const FACTORS = [0, 0.5, 0.75, 1.25, 1.5, 2];
const SHIFTS = [-1, -0.5, -0.25, 0.25, 0.5, 1];
// The floor is a product guarantee (unrelated short articles are never glued together) that the dev data
// cannot measure: in it nearly every candidate the index returns is right, and a grid over 0..1 picks 0
// (worst half-A F1 0.777 at floor 0, 0.767 at 0.5, 0.762 at 0.75, 0.716 at 1). It is held at 0.75, the
// lowest grid value at which the unrelated-articles tests (src/cluster/assign.test.ts, src/cli/main.test.ts
// 'a bad input batch') hold: at 0.5 "Home team wins the cup" joins a flood story over "home" and "team".
const FLOORS = [1];
const BARS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
/** Stories of any size may merge (a story of one article is the commonest split). */
const MERGE_SIZE = 1;
/** Join bars for a story of one article (0: the plain join bar). */
const SINGLE_BARS = [0, 0.3, 0.35, 0.4, 0.5, 0.6];
const MERGE_BARS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const fixed = (x: number): string => x.toFixed(4);
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

async function main(argv: string[]): Promise<void> {
  const dataDir = process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data');
  const corpora = await loadCorpora(dataDir);
  const base = loadClusterOptions();
  const rows: Row[] = [];
  for (const corpus of corpora) if (!corpus.combined) rows.push(...(await trainingRows(corpus, base, 0)));
  const positives = rows.filter((r) => r.label === 1).length;
  console.log(`training rows: ${rows.length} (${positives} positive), from half A of ${corpora.filter((c) => !c.combined).map((c) => c.dataset).join(' and ')}`);
  const beta = fitLogistic(rows, 1e-3);
  const model: JoinModel = {
    intercept: round(beta[0]!),
    coefficients: { ...Object.fromEntries(LEARNED.map((name, i) => [name, round(beta[i + 1]!)])), ...FIXED_COEFFICIENTS },
  };
  console.log('model:', JSON.stringify(model));
  let options: ClusterOptions = { ...base, model };
  const objective = async (o: ClusterOptions): Promise<number> => {
    let sum = 0;
    for (const corpus of corpora) sum += await score(corpus, o, 0);
    return sum / corpora.length;
  };
  const perSet = async (o: ClusterOptions): Promise<string> =>
    (await Promise.all(corpora.map(async (c) => `${c.dataset} A ${fixed(await score(c, o, 0))} all ${fixed(await score(c, o))}`))).join('; ');
  /** The join bars (plain, one-article stories) with the best objective, the rest of `base` held. */
  const searchJoin = async (base: ClusterOptions): Promise<{ options: ClusterOptions; result: number }> => {
    let found = { options: base, result: -1 };
    for (const floorFactor of FLOORS) {
      for (const bar of BARS) {
        for (const single of SINGLE_BARS) {
          if (single !== 0 && single <= bar) continue;
          const candidate = { ...base, floorFactor, joinProbability: bar, singleJoinProbability: single };
          const result = await objective(candidate);
          if (argv.includes('--per-set')) console.log(`  bar ${bar}, single ${single}: ${await perSet(candidate)}`);
          console.log(`floor ${floorFactor}, join probability ${bar}, one-article stories ${single || bar}, merge ${base.mergeProbability ?? 0}: objective (mean B-cubed F1, half A) ${fixed(result)}`);
          if (result > found.result) found = { options: candidate, result };
        }
      }
    }
    return found;
  };
  // The merge model: fitted on story pairs met while clustering half A with the current join setting
  // (merging off); then its bar (0: merging off) on the same objective.
  const searchMerge = async (base: ClusterOptions): Promise<{ options: ClusterOptions; result: number }> => {
    const off = { ...base, mergeProbability: 0 };
    let found = { options: off, result: await objective(off) };
    const rows: Row[] = [];
    for (const corpus of corpora) if (!corpus.combined) rows.push(...(await mergeRows(corpus, { ...off, mergeSize: MERGE_SIZE }, 0)));
    console.log(`merge rows: ${rows.length} (${rows.filter((r) => r.label === 1).length} positive)`);
    if (!rows.some((r) => r.label === 1) || !rows.some((r) => r.label === 0)) return found;
    const mb = fitLogistic(rows, 1e-3);
    const mergeModel: JoinModel = {
      intercept: round(mb[0]!),
      coefficients: { ...Object.fromEntries(LEARNED.map((name, i) => [name, round(mb[i + 1]!)])), ...FIXED_COEFFICIENTS },
    };
    console.log('merge model:', JSON.stringify(mergeModel));
    for (const bar of MERGE_BARS) {
      const candidate = { ...base, mergeModel, mergeSize: MERGE_SIZE, mergeProbability: bar };
      const result = await objective(candidate);
      if (argv.includes('--per-set')) console.log(`  merge bar ${bar}: ${await perSet(candidate)}`);
      console.log(`merge probability ${bar}: objective ${fixed(result)}`);
      if (result > found.result) found = { options: candidate, result };
    }
    return found;
  };
  // Coordinate ascent: join bars, then the merge model and bar, then the join bars again under the merges,
  // until neither moves (at most 3 rounds); ties keep the earlier setting (deterministic).
  let { options: searched, result: best } = await searchJoin(options);
  for (let round = 1; round <= 3; round++) {
    const merged = await searchMerge(searched);
    const joined = await searchJoin(merged.options);
    const next = joined.result > merged.result ? joined : merged;
    console.log(`round ${round}: objective ${fixed(next.result)}`);
    if (next.result <= best + 1e-4) break;
    searched = next.options;
    best = next.result;
  }
  options = searched;
  console.log(`chosen floor ${options.floorFactor}`);
  console.log(`chosen join probability ${options.joinProbability}, one-article stories ${options.singleJoinProbability || options.joinProbability}`);
  // Refinement (only with --refine; off for the shipped setting, since it raised half A and lowered half B,
  // and drove the intercept up until articles sharing one common word joined): on the objective itself: each coefficient in turn scaled by a fixed set of factors (the
  // intercept shifted), then the bar; a change is kept only when it raises the objective by more than
  // 0.001; rounds until nothing moves (at most 3).
  const setCoefficient = (o: ClusterOptions, name: string, value: number): ClusterOptions =>
    name === 'intercept'
      ? { ...o, model: { ...o.model, intercept: round(value) } }
      : { ...o, model: { ...o.model, coefficients: { ...o.model.coefficients, [name]: round(value) } } };
  for (let pass = 1; pass <= (argv.includes('--refine') ? 3 : 0); pass++) {
    let moved = false;
    for (const name of ['intercept', ...LEARNED]) {
      const current = name === 'intercept' ? options.model.intercept : (options.model.coefficients[name] ?? 0);
      const values = name === 'intercept' ? SHIFTS.map((d) => current + d) : FACTORS.map((f) => current * f);
      for (const value of values) {
        const candidate = setCoefficient(options, name, value);
        const result = await objective(candidate);
        if (result > best + 0.001) {
          best = result;
          options = candidate;
          moved = true;
          console.log(`refine ${pass}: ${name} ${current} -> ${round(value)}: ${fixed(result)}`);
        }
      }
    }
    for (const bar of BARS) {
      const result = await objective({ ...options, joinProbability: bar });
      if (result > best + 0.001) {
        best = result;
        console.log(`refine ${pass}: join probability ${options.joinProbability} -> ${bar}: ${fixed(result)}`);
        options = { ...options, joinProbability: bar };
        moved = true;
      }
    }
    if (!moved) break;
  }
  console.log('refined model:', JSON.stringify(options.model), 'bar', options.joinProbability);
  for (const corpus of corpora) {
    console.log(
      `${corpus.dataset}: half A ${fixed(await score(corpus, options, 0))}, half B ${fixed(await score(corpus, options, 1))}, all ${fixed(await score(corpus, options))}`,
    );
  }
  if (argv.includes('--write')) {
    const file = join(REPO_ROOT, 'data', 'cluster-weights.json');
    writeFileSync(file, JSON.stringify({ model: options.model, joinProbability: options.joinProbability, ...(options.singleJoinProbability ? { singleJoinProbability: options.singleJoinProbability } : {}), floorFactor: options.floorFactor, ...(options.mergeProbability ? { mergeModel: options.mergeModel, mergeProbability: options.mergeProbability, mergeSize: options.mergeSize } : {}) }, null, 2) + '\n');
    console.log(`wrote ${file}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`learn-cluster-weights: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
