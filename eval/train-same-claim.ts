// Fits the same-claim model on MSRP train pairs and writes data/same-claim-model.json (`node dist/eval/train-same-claim.js`).
//
// Procedure: the pair features of src/brief/claims/same-claim-features.ts for every pair of
// NEWSFUSE_DATA/msrp/msrp-train.jsonl (default ../shared/data), standardised and expanded with their pairwise
// products (expandFeatures); L2-regularised logistic regression on those, fitted by Newton's method; the
// regularisation strength is the one of LAMBDAS with the lowest 10-fold cross-validated log loss (folds: pair i goes
// to fold i mod 10, in file order; standardisation is fitted inside each fold too). It prints the cross-validated
// accuracy/precision/recall/F1 at that strength, of the model alone and of the scorer as sameClaim() runs it (with
// the cap for changed figures, names and negations: the honest figure), and the in-sample figures of the final fit on
// all pairs, and writes them with the weights. Only weights and figures are written, never a sentence of the data.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FEATURE_NAMES, pairFeatures, prepareClaim, type PreparedClaim } from '../src/brief/claims/same-claim-features.js';
import { capChangedClaim, SAME_CLAIM_THRESHOLD } from '../src/brief/claims/same-claim.js';
import { REPO_ROOT, readDataJsonl } from './context.js';
import { binaryScores, crossValidatedScores, fitSameClaim, logLoss, predictSameClaim, type SameClaimFit } from './same-claim-fit.js';

interface MsrpPair {
  id: string;
  a: string;
  b: string;
  label: number;
}

export const LAMBDAS = [3, 10, 30, 100, 300];
const FOLDS = 10;

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const rounded = (scores: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, round(value)]));

/** Per strength of LAMBDAS: the fit on all rows and the cross-validated scores; the best strength by log loss. */
export function chooseLambda(rows: readonly ArrayLike<number>[], labels: readonly number[]) {
  let start: SameClaimFit | undefined;
  const runs = LAMBDAS.map((lambda) => {
    const full = fitSameClaim(rows, labels, lambda, start);
    start = full;
    const scores = crossValidatedScores(rows, labels, lambda, FOLDS, full);
    return { lambda, full, scores, logLoss: logLoss(scores, labels) };
  });
  const best = runs.reduce((p, q) => (q.logLoss < p.logLoss ? q : p));
  return { best, runs };
}

/** The feature rows and labels of an MSRP file. */
export function msrpFeatures(path: string): { rows: Float64Array[]; labels: number[]; prepared: [PreparedClaim, PreparedClaim][] } {
  const pairs = readDataJsonl<MsrpPair>(path);
  const prepared = pairs.map((pair): [PreparedClaim, PreparedClaim] => [prepareClaim(pair.a), prepareClaim(pair.b)]);
  return {
    rows: prepared.map(([a, b]) => pairFeatures(a, b)),
    labels: pairs.map((pair) => (pair.label === 1 ? 1 : 0)),
    prepared,
  };
}

/** Scores with the run-time cap for changed figures, names and negations, as sameClaim() gives them. */
export const capped = (scores: readonly number[], prepared: readonly [PreparedClaim, PreparedClaim][]): number[] =>
  scores.map((score, i) => capChangedClaim(score, prepared[i]![0], prepared[i]![1]));

function main(): number {
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const path = join(dataDir, 'msrp', 'msrp-train.jsonl');
  if (!existsSync(path)) {
    process.stderr.write(`train-same-claim: expecting the MSRP train pairs at ${path}, instead found no file (set NEWSFUSE_DATA)\n`);
    return 1;
  }
  const { rows, labels, prepared } = msrpFeatures(path);
  const { best, runs } = chooseLambda(rows, labels);
  const cv = binaryScores(best.scores, labels, SAME_CLAIM_THRESHOLD);
  const cvCapped = binaryScores(capped(best.scores, prepared), labels, SAME_CLAIM_THRESHOLD);
  const inSampleScores = rows.map((row) => predictSameClaim(best.full, row));
  const inSample = binaryScores(capped(inSampleScores, prepared), labels, SAME_CLAIM_THRESHOLD);
  // The weights are folded with the expanded features' standardisation, so the run time needs only the base one.
  const { mean, scale, weights, bias } = best.full.expanded;
  const folded = weights.map((w, k) => w / scale[k]!);
  const foldedBias = bias - weights.reduce((sum, w, k) => sum + (w * mean[k]!) / scale[k]!, 0);
  const digits = (x: number): number => Number(x.toPrecision(7));
  const file = {
    model: 'logistic regression; z = (features - mean) / scale; x = [z, z[i] * z[j] for i <= j]; score = sigmoid(bias + weights . x)',
    features: [...FEATURE_NAMES],
    mean: best.full.baseMean.map(digits),
    scale: best.full.baseScale.map(digits),
    weights: folded.map(digits),
    bias: digits(foldedBias),
    threshold: SAME_CLAIM_THRESHOLD,
    training: {
      data: `MSRP train pairs (msrp/msrp-train.jsonl, ${rows.length} pairs, ${labels.filter((l) => l === 1).length} positive)`,
      procedure: `L2 logistic regression over the standardised features and their pairwise products (Newton's method, bias unpenalised); lambda from ${LAMBDAS.join(', ')} by lowest ${FOLDS}-fold CV log loss (pair i in fold i mod ${FOLDS}); written by eval/train-same-claim.ts`,
      lambda: best.lambda,
      cvLogLoss: runs.map((run) => ({ lambda: run.lambda, logLoss: round(run.logLoss) })),
      crossValidatedModel: rounded(cv),
      crossValidated: rounded(cvCapped),
      inSample: rounded(inSample),
    },
  };
  const out = join(REPO_ROOT, 'data', 'same-claim-model.json');
  writeFileSync(out, JSON.stringify(file, null, 1) + '\n');
  process.stdout.write(`${JSON.stringify(file.training, null, 2)}\nwrote ${out}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js').endsWith(join('eval', 'train-same-claim.js'))) process.exitCode = main();
