// L2-regularised logistic regression (Newton's method) and deterministic k-fold cross-validation for the same-claim model.
import { expandFeatures } from '../src/brief/claims/same-claim-features.js';

export interface LogisticModel {
  /** Mean and standard deviation of each raw feature (the weights apply to standardised values). */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** The same-claim model: standardisation of the base features, and a logistic model over their quadratic expansion. */
export interface SameClaimFit {
  baseMean: number[];
  baseScale: number[];
  expanded: LogisticModel;
}

/** Fit the same-claim model on base feature rows (expansion as at run time: expandFeatures). */
export function fitSameClaim(rows: readonly ArrayLike<number>[], labels: readonly number[], lambda: number, start?: SameClaimFit): SameClaimFit {
  const d = rows[0]?.length ?? 0;
  const baseMean = new Array<number>(d).fill(0);
  const baseScale = new Array<number>(d).fill(0);
  for (const row of rows) for (let j = 0; j < d; j++) baseMean[j]! += row[j]! / rows.length;
  for (const row of rows) for (let j = 0; j < d; j++) baseScale[j]! += (row[j]! - baseMean[j]!) ** 2 / rows.length;
  for (let j = 0; j < d; j++) baseScale[j] = Math.sqrt(baseScale[j]!) || 1;
  const expandedRows = rows.map((row) => expandFeatures(row, baseMean, baseScale));
  return { baseMean, baseScale, expanded: fitLogistic(expandedRows, labels, lambda, start?.expanded) };
}

/** Probability of the positive class under a same-claim fit. */
export function predictSameClaim(model: SameClaimFit, row: ArrayLike<number>): number {
  return predict(model.expanded, expandFeatures(row, model.baseMean, model.baseScale));
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability of the positive class for one raw feature vector. */
export function predict(model: LogisticModel, features: ArrayLike<number>): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i]! * ((features[i]! - model.mean[i]!) / model.scale[i]!);
  return sigmoid(z);
}

/** Solve the symmetric positive-definite system A x = b (A row-major n x n, overwritten) by Cholesky. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! ** 2;
    const root = Math.sqrt(Math.max(d, 1e-12));
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / root;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * n + k]! * y[k]!;
    y[i] = s / a[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= a[k * n + i]! * x[k]!;
    x[i] = s / a[i * n + i]!;
  }
  return x;
}

/**
 * Fit weights minimising log loss + lambda/2 * |w|^2 over standardised features (the bias is not penalised),
 * by Newton's method from zero: deterministic, and converged in a few steps.
 */
export function fitLogistic(rows: readonly ArrayLike<number>[], labels: readonly number[], lambda: number, start?: LogisticModel): LogisticModel {
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const m = d + 1;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of rows) for (let j = 0; j < d; j++) mean[j]! += row[j]! / n;
  for (const row of rows) for (let j = 0; j < d; j++) scale[j]! += (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const x = rows.map((row) => {
    const z = new Float64Array(m);
    for (let j = 0; j < d; j++) z[j] = (row[j]! - mean[j]!) / scale[j]!;
    z[d] = 1;
    return z;
  });
  // A start (the fit of a similar problem) only saves Newton steps: the optimum is unique, the result the same.
  const w = new Float64Array(m);
  if (start) {
    start.weights.forEach((value, j) => (w[j] = value));
    w[d] = start.bias;
  }
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  for (let step = 0; step < 50; step++) {
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      let z = 0;
      for (let j = 0; j < m; j++) z += w[j]! * xi[j]!;
      const p = sigmoid(z);
      const r = p - labels[i]!;
      const s = p * (1 - p);
      for (let j = 0; j < m; j++) {
        const xj = xi[j]!;
        gradient[j]! += r * xj;
        const sj = s * xj;
        const base = j * m;
        for (let k = 0; k <= j; k++) hessian[base + k]! += sj * xi[k]!;
      }
    }
    for (let j = 0; j < d; j++) {
      gradient[j]! += lambda * w[j]!;
      hessian[j * m + j]! += lambda;
    }
    for (let j = 0; j < m; j++) for (let k = j + 1; k < m; k++) hessian[j * m + k] = hessian[k * m + j]!;
    const delta = solve(hessian, gradient, m);
    // Backtracking: a full Newton step from far away (rare positives, nearly separable rows) can overshoot.
    const before = penalisedLoss(x, labels, w, lambda, d);
    const trial = new Float64Array(m);
    let step = 1;
    for (let tries = 0; tries < 30; tries++, step /= 2) {
      for (let j = 0; j < m; j++) trial[j] = w[j]! - step * delta[j]!;
      if (penalisedLoss(x, labels, trial, lambda, d) <= before) break;
    }
    let change = 0;
    for (let j = 0; j < m; j++) {
      change = Math.max(change, Math.abs(w[j]! - trial[j]!));
      w[j] = trial[j]!;
    }
    if (change < 1e-7) break;
  }
  return { mean, scale, weights: Array.from(w.subarray(0, d)), bias: w[d]! };
}

/** Log loss of the rows under weights w (bias last) plus the L2 penalty on the feature weights. */
function penalisedLoss(x: readonly Float64Array[], labels: readonly number[], w: Float64Array, lambda: number, d: number): number {
  let loss = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    let z = 0;
    for (let j = 0; j < w.length; j++) z += w[j]! * xi[j]!;
    // log(1 + e^z) - y z, computed without overflow.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i]! * z;
  }
  let penalty = 0;
  for (let j = 0; j < d; j++) penalty += w[j]! ** 2;
  return loss + (lambda / 2) * penalty;
}

/** Fold of item `index` among `k`: every k-th item from the file order (deterministic, and each fold spans the file). */
export const foldOf = (index: number, k: number): number => index % k;

/** Out-of-fold probabilities: item i is scored by a model fitted on the other folds only. */
export function crossValidatedScores(
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  lambda: number,
  k = 10,
  start?: SameClaimFit,
): number[] {
  const scores = new Array<number>(rows.length).fill(0);
  for (let fold = 0; fold < k; fold++) {
    const train = rows.map((_, i) => i).filter((i) => foldOf(i, k) !== fold);
    const model = fitSameClaim(
      train.map((i) => rows[i]!),
      train.map((i) => labels[i]!),
      lambda,
      start,
    );
    rows.forEach((row, i) => {
      if (foldOf(i, k) === fold) scores[i] = predictSameClaim(model, row);
    });
  }
  return scores;
}

/** Accuracy, precision, recall and F1 of the positive class at a threshold. */
export function binaryScores(scores: readonly number[], labels: readonly number[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  scores.forEach((score, i) => {
    const said = score >= threshold;
    const gold = labels[i] === 1;
    if (said === gold) correct++;
    if (said && gold) tp++;
    else if (said) fp++;
    else if (gold) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { accuracy: scores.length ? correct / scores.length : 0, precision, recall, f1 };
}

/** Mean log loss of probabilities (clipped), the criterion regularisation is chosen by. */
export function logLoss(scores: readonly number[], labels: readonly number[]): number {
  let sum = 0;
  scores.forEach((p, i) => {
    const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    sum -= labels[i] === 1 ? Math.log(q) : Math.log(1 - q);
  });
  return sum / Math.max(1, scores.length);
}
