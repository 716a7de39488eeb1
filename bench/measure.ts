// Timing and number formatting shared by the ingest and brief benchmarks.

export const now = (): number => performance.now();
/** A full collection before a measurement, when node runs with --expose-gc (npm run bench does). */
export const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');
