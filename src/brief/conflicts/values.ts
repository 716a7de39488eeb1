// Whether two slot values state the same thing, differ slightly (rounding, variants) or contradict each other.
import { conflictLexicon } from './lexicon.js';
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
  // An age a year apart may be a birthday between two reports.
  if (a.unit![0] === 'age' && b.unit![0] === 'age' && Math.abs(x - y) === 1) return 'minor';
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

/** A name's words without the heads many names share (street, county, ministry); all of them when that is all it has. */
export function distinctiveWords(slot: Slot): string[] {
  const heads = conflictLexicon().nameHeads;
  const words = slot.words!.filter((w) => !heads.has(w));
  return words.length ? words : slot.words!;
}

/** One word written two ways: equal, one the abbreviation of the other (Calif, Tenn), or one letter apart (Rait). */
function sameWord(x: string, y: string): boolean {
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // Abbreviations are short: "Calif", "Tenn", "St" (a longer shared start, telecom/telecommunications, is no alias).
  if (short.length >= 2 && short.length <= 5 && long.startsWith(short) && /^\p{L}+$/u.test(short)) return true;
  return short.length >= 4 && long.length - short.length <= 1 && editDistanceAtMostOne(short, long);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i) === b.slice(i + 1);
}

/** Names that share a word are one name written two ways ("Reid", "Tara Reid"), or too close to call. */
function compareNames(a: Slot, b: Slot): Agreement {
  if (a.key === b.key) return 'same';
  const x = distinctiveWords(a);
  if (distinctiveWords(b).some((w) => x.some((v) => sameWord(v, w)))) return 'same';
  const initials = (words: string[]) => words.filter((w) => !['of', 'the', 'and', 'for', 'de'].includes(w)).map((w) => w[0]).join('');
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
