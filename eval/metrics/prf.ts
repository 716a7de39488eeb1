// Precision, recall and F1 as every evaluation module reports them.

/** F1 from a precision and a recall; 0 when both are 0. */
export function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Precision, recall and F1 of `correct` matches among `system` answers and `gold` items (0 where a count is 0). */
export function countScores(correct: number, system: number, gold: number): { p: number; r: number; f: number } {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  return { p, r, f: f1(p, r) };
}
