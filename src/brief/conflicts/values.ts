// Whether two slot values state the same thing, differ slightly (rounding, variants) or contradict each other.
import type { Slot } from './slots.js';

export type Agreement = 'same' | 'minor' | 'conflict' | 'incomparable';

/** A rounded figure within this share of an exact one says the same, roughly ("about 2,000" vs "1,987"). */
const ROUNDING_SHARE = 0.15;

/** Round numbers: a multiple of 10 for two digits, of 50 from hundreds, of 500 from thousands … */
function isRound(value: number): boolean {
  if (value < 10 || !Number.isInteger(value)) return false;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return value % (magnitude >= 100 ? magnitude / 2 : magnitude) === 0;
}

function compareNumbers(a: Slot, b: Slot): Agreement {
  const x = a.value!;
  const y = b.value!;
  if (x === y) return 'same';
  const close = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)) <= ROUNDING_SHARE;
  if (close && (a.approx || b.approx || isRound(x) !== isRound(y))) return 'minor';
  return 'conflict';
}

function compareDates(a: Slot, b: Slot): Agreement {
  const x = a.date!;
  const y = b.date!;
  let shared = 0;
  let differs = false;
  for (const part of ['weekday', 'month', 'day', 'year', 'resolved'] as const) {
    if (x[part] === undefined || y[part] === undefined) continue;
    if (part === 'day' && x.month !== y.month) continue;
    shared++;
    if (x[part] !== y[part]) differs = true;
  }
  if (shared === 0) return 'incomparable';
  return differs ? 'conflict' : 'same';
}

/** Names that share a word are one name written two ways ("Reid", "Tara Reid"), or too close to call. */
function compareNames(a: Slot, b: Slot): Agreement {
  if (a.key === b.key) return 'same';
  const x = new Set(a.words!);
  if (b.words!.some((w) => x.has(w))) return 'same';
  const initials = (words: string[]) => words.map((w) => w[0]).join('');
  if (a.words!.length === 1 && initials(b.words!) === a.words![0]) return 'same';
  if (b.words!.length === 1 && initials(a.words!) === b.words![0]) return 'same';
  return 'conflict';
}

export function compareSlots(a: Slot, b: Slot): Agreement {
  if (a.type !== b.type) return 'incomparable';
  if (a.type === 'number') return compareNumbers(a, b);
  if (a.type === 'date') return compareDates(a, b);
  return compareNames(a, b);
}
