// ROUGE-1, ROUGE-2 and ROUGE-L F1 computed the way Google's rouge-score package does (with its Porter stemming).
import { stemmer } from 'stemmer';
import { f1 } from './prf.js';

/**
 * rouge-score's tokenizer with `use_stemmer=True`: lowercase, every run of non-`[a-z0-9]` becomes a space,
 * split on whitespace, Porter-stem tokens longer than 3 characters, drop empty tokens.
 * The stemmer is wooorm's `stemmer` (Porter 1980). rouge-score calls NLTK's PorterStemmer in its default
 * NLTK_EXTENSIONS mode, which differs on some words: it keeps `news` and `days`→`day`, `says`→`say`,
 * `dies`→`die`, where Porter 1980 gives `new`, `dai`, `sai`, `di`. Both sides of a comparison are stemmed alike,
 * so scores move only where such words occur; figures can differ from rouge-score in the third decimal.
 */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(/\s+/)
    .map((token) => (token.length > 3 ? stemmer(token) : token))
    .filter((token) => /^[a-z0-9]+$/.test(token));
}

/** Precision, recall and F-measure of one ROUGE variant. */
export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

function score(overlap: number, predictionCount: number, targetCount: number): RougeScore {
  // rouge-score divides by max(count, 1), so an empty side scores 0 rather than NaN.
  const precision = overlap / Math.max(predictionCount, 1);
  const recall = overlap / Math.max(targetCount, 1);
  const fmeasure = f1(precision, recall);
  return { precision, recall, fmeasure };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N over token lists: n-gram overlap with each n-gram's count clipped to the smaller of the two sides. */
export function rougeN(target: readonly string[], prediction: readonly string[], n: number): RougeScore {
  const targetGrams = ngramCounts(target, n);
  const predictionGrams = ngramCounts(prediction, n);
  let overlap = 0;
  for (const [gram, count] of predictionGrams) overlap += Math.min(count, targetGrams.get(gram) ?? 0);
  let targetCount = 0;
  for (const count of targetGrams.values()) targetCount += count;
  let predictionCount = 0;
  for (const count of predictionGrams.values()) predictionCount += count;
  return score(overlap, predictionCount, targetCount);
}

/** Length of the longest common subsequence of two token lists (two-row dynamic programme). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** ROUGE-L over token lists: LCS of the whole sequences (no sentence splitting; that would be ROUGE-Lsum). */
export function rougeL(target: readonly string[], prediction: readonly string[]): RougeScore {
  // rouge-score returns all zeros when either side is empty.
  if (target.length === 0 || prediction.length === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  return score(lcsLength(target, prediction), prediction.length, target.length);
}

/** ROUGE-1/2/L scores of one prediction against one target (the reference), as `RougeScorer.score(target, prediction)`. */
export function rouge(target: string, prediction: string): { rouge1: RougeScore; rouge2: RougeScore; rougeL: RougeScore } {
  const targetTokens = rougeTokens(target);
  const predictionTokens = rougeTokens(prediction);
  return {
    rouge1: rougeN(targetTokens, predictionTokens, 1),
    rouge2: rougeN(targetTokens, predictionTokens, 2),
    rougeL: rougeL(targetTokens, predictionTokens),
  };
}
