// Fits the same-claim model on MSRP train pairs and writes data/same-claim-model.json (`node dist/eval/train-same-claim.js`).
//
// Procedure: the pair features of src/brief/claims/same-claim-features.ts for every pair of
// NEWSFUSE_DATA/msrp/msrp-train.jsonl (default ../shared/data); L2-regularised logistic regression on standardised
// features, fitted by Newton's method; the regularisation strength is the one of LAMBDAS with the lowest 10-fold
// cross-validated log loss (folds: pair i goes to fold i mod 10, in file order). It prints the cross-validated
// accuracy/precision/recall/F1 at that strength, the same with the strength chosen inside each fold (nested, the
// honest figure), and the in-sample figures of the final fit on all pairs. Only weights and figures are written,
// never a sentence of the data.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FEATURE_NAMES, pairFeatures, prepareClaim } from '../src/brief/claims/same-claim-features.js';
import { SAME_CLAIM_THRESHOLD } from '../src/brief/claims/same-claim.js';
import { REPO_ROOT, readDataJsonl } from './context.js';
import { binaryScores, crossValidatedScores, fitLogistic, foldOf, logLoss, predict } from './same-claim-fit.js';

interface MsrpPair {
  id: string;
  a: string;
  b: string;
  label: number;
}

export const LAMBDAS = [0.01, 0.1, 1, 10, 100];
const FOLDS = 10;

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const rounded = (scores: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, round(value)]));

/** The strength of LAMBDAS with the lowest cross-validated log loss over these rows. */
export function chooseLambda(rows: readonly ArrayLike<number>[], labels: readonly number[]): { lambda: number; losses: number[] } {
  const losses = LAMBDAS.map((lambda) => logLoss(crossValidatedScores(rows, labels, lambda, FOLDS), labels));
  const best = losses.indexOf(Math.min(...losses));
  return { lambda: LAMBDAS[best]!, losses };
}

/** The feature rows and labels of an MSRP file. */
export function msrpFeatures(path: string): { rows: Float64Array[]; labels: number[] } {
  const pairs = readDataJsonl<MsrpPair>(path);
  return {
    rows: pairs.map((pair) => pairFeatures(prepareClaim(pair.a), prepareClaim(pair.b))),
    labels: pairs.map((pair) => (pair.label === 1 ? 1 : 0)),
  };
}

function main(): number {
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const path = join(dataDir, 'msrp', 'msrp-train.jsonl');
  if (!existsSync(path)) {
    process.stderr.write(`train-same-claim: expecting the MSRP train pairs at ${path}, instead found no file (set NEWSFUSE_DATA)\n`);
    return 1;
  }
  const { rows, labels } = msrpFeatures(path);
  const { lambda, losses } = chooseLambda(rows, labels);
  const cv = binaryScores(crossValidatedScores(rows, labels, lambda, FOLDS), labels, SAME_CLAIM_THRESHOLD);

  // Nested: each outer fold picks its own strength by 10-fold CV on its nine training folds.
  const nested = new Array<number>(rows.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = rows.map((_, i) => i).filter((i) => foldOf(i, FOLDS) !== fold);
    const trainRows = train.map((i) => rows[i]!);
    const trainLabels = train.map((i) => labels[i]!);
    const inner = chooseLambda(trainRows, trainLabels).lambda;
    const model = fitLogistic(trainRows, trainLabels, inner);
    rows.forEach((row, i) => {
      if (foldOf(i, FOLDS) === fold) nested[i] = predict(model, row);
    });
  }
  const nestedScores = binaryScores(nested, labels, SAME_CLAIM_THRESHOLD);

  const model = fitLogistic(rows, labels, lambda);
  const inSample = binaryScores(
    rows.map((row) => predict(model, row)),
    labels,
    SAME_CLAIM_THRESHOLD,
  );
  const file = {
    model: 'logistic regression over standardised pair features; score = sigmoid(bias + sum weights[i] * (x[i] - mean[i]) / scale[i])',
    features: [...FEATURE_NAMES],
    mean: model.mean.map((x) => Number(x.toPrecision(8))),
    scale: model.scale.map((x) => Number(x.toPrecision(8))),
    weights: model.weights.map((x) => Number(x.toPrecision(8))),
    bias: Number(model.bias.toPrecision(8)),
    threshold: SAME_CLAIM_THRESHOLD,
    training: {
      data: `MSRP train pairs (msrp/msrp-train.jsonl, ${rows.length} pairs, ${labels.filter((l) => l === 1).length} positive)`,
      procedure: `L2 logistic regression (Newton's method, bias unpenalised); lambda from ${LAMBDAS.join(', ')} by lowest ${FOLDS}-fold CV log loss (pair i in fold i mod ${FOLDS}); written by eval/train-same-claim.ts`,
      lambda,
      cvLogLoss: LAMBDAS.map((l, i) => ({ lambda: l, logLoss: round(losses[i]!) })),
      crossValidated: rounded(cv),
      nestedCrossValidated: rounded(nestedScores),
      inSample: rounded(inSample),
    },
  };
  const out = join(REPO_ROOT, 'data', 'same-claim-model.json');
  writeFileSync(out, JSON.stringify(file, null, 1) + '\n');
  process.stdout.write(`${JSON.stringify(file.training, null, 2)}\nwrote ${out}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js').endsWith(join('eval', 'train-same-claim.js'))) process.exitCode = main();
