// Clustering scores: B-cubed (Bagga & Baldwin 1998) and pairwise precision/recall/F1 over item -> label maps.
import { f1 } from './prf.js';

/** Precision, recall and F1 of one scoring scheme. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}


/**
 * Cells of the predicted × gold contingency table, with the sizes of their clusters.
 * The items scored are the gold items: an item absent from `predicted` is its own singleton cluster;
 * items only in `predicted` are ignored (they have no gold label to be right or wrong about).
 */
function contingency(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>) {
  const cells = new Map<string, { predicted: string; gold: string; count: number }>();
  const predictedSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  for (const [item, goldLabel] of gold) {
    // Prefixes keep the singleton stand-ins apart from every real label.
    const label = predicted.get(item);
    const predictedLabel = label === undefined ? `singleton:${item}` : `label:${label}`;
    const key = JSON.stringify([predictedLabel, goldLabel]);
    const cell = cells.get(key);
    if (cell) cell.count += 1;
    else cells.set(key, { predicted: predictedLabel, gold: goldLabel, count: 1 });
    predictedSize.set(predictedLabel, (predictedSize.get(predictedLabel) ?? 0) + 1);
    goldSize.set(goldLabel, (goldSize.get(goldLabel) ?? 0) + 1);
  }
  return { cells: [...cells.values()], predictedSize, goldSize, items: gold.size };
}

/**
 * B-cubed: per item, precision = |its predicted cluster ∩ its gold cluster| / |its predicted cluster| and
 * recall = the same over |its gold cluster|, each averaged over items; F1 from the two averages.
 * Empty input scores 0.
 */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): PrecisionRecall {
  const { cells, predictedSize, goldSize, items } = contingency(predicted, gold);
  if (items === 0) return { precision: 0, recall: 0, f1: 0 };
  let precisionSum = 0;
  let recallSum = 0;
  // Every item of a cell has the same overlap (the cell's count), so a cell adds count × count / size.
  for (const cell of cells) {
    precisionSum += (cell.count * cell.count) / predictedSize.get(cell.predicted)!;
    recallSum += (cell.count * cell.count) / goldSize.get(cell.gold)!;
  }
  const precision = precisionSum / items;
  const recall = recallSum / items;
  return { precision, recall, f1: f1(precision, recall) };
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Pairwise: precision = pairs put together by both / pairs put together by the prediction, recall = the same
 * over pairs together in gold. With no predicted pairs precision is 1 (nothing wrongly joined); with no gold
 * pairs recall is 1 (nothing to find).
 */
export function pairwise(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): PrecisionRecall {
  const { cells, predictedSize, goldSize } = contingency(predicted, gold);
  let together = 0;
  for (const cell of cells) together += pairs(cell.count);
  let predictedPairs = 0;
  for (const size of predictedSize.values()) predictedPairs += pairs(size);
  let goldPairs = 0;
  for (const size of goldSize.values()) goldPairs += pairs(size);
  const precision = predictedPairs > 0 ? together / predictedPairs : 1;
  const recall = goldPairs > 0 ? together / goldPairs : 1;
  return { precision, recall, f1: f1(precision, recall) };
}

/** Number of distinct labels in a map. */
export function clusterCount(labels: ReadonlyMap<string, string>): number {
  return new Set(labels.values()).size;
}
