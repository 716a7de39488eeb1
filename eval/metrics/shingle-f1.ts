// Extraction metric: token 4-gram shingle precision/recall/F1, as article-extraction-benchmark's evaluate.py computes it.
import { f1 } from './prf.js';

/** Normalised shingle counts of one page; tp + fp + fn = 1 unless all are 0. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface ExtractionScore {
  precision: number;
  recall: number;
  f1: number;
}

const SHINGLE_SIZE = 4;

/**
 * Token 4-grams of a text with their counts. Tokens are `\w+` runs as Python's `re` reads them (the
 * benchmark's evaluate.py): Unicode letters, numbers and `_`, case kept; JavaScript's ASCII `\w` would drop
 * every token of a non-Latin page and make figures incomparable with the published ones.
 * A text with 1..3 tokens has a single shingle made of all its tokens, as in evaluate.py; an empty text has none.
 */
export function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < last; i++) {
    // A space cannot occur inside a token, so joining with one keeps shingles distinct.
    const key = tokens.slice(i, i + SHINGLE_SIZE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Multiset overlap of predicted and gold shingles, normalised so that every page weighs the same. */
export function scorePage(predicted: string, gold: string): PageScore {
  const pred = shingles(predicted);
  const truth = shingles(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, predCount] of pred) {
    const trueCount = truth.get(key) ?? 0;
    tp += Math.min(trueCount, predCount);
    fp += Math.max(0, predCount - trueCount);
  }
  for (const [key, trueCount] of truth) fn += Math.max(0, trueCount - (pred.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * Macro averages over pages: precision over pages that predicted something (tp + fp > 0), recall over pages
 * whose gold text has shingles (tp + fn > 0); F1 from the two averages. An empty group averages to 0
 * (evaluate.py would raise instead).
 */
export function aggregate(pages: readonly PageScore[]): ExtractionScore {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(recallOf));
  return { precision, recall, f1: f1(precision, recall) };
}
