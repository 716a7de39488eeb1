// Name normalisation for comparing entity names: fold case, diacritics, hyphens, periods, possessives and legal suffixes.

/** Lower-case, diacritics removed, typographic apostrophes folded to `'`. */
export function fold(text: string): string {
  // Most words are ASCII: skip the (slow) Unicode normalisation for them.
  if (isAscii(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The words of a name as written, split on spaces (hyphenated words stay whole). */
export function nameWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

const S = 0x73;
const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/** Removes a trailing possessive (`Korea's`, `Workers'`): the name without it. */
export function stripPossessive(text: string): string {
  // By character codes (what `/['’]s$/` then `/(s)['’]$/` would remove): this runs for nearly every word.
  let out = text;
  if (out.length >= 2 && out.charCodeAt(out.length - 1) === S && isApostrophe(out.charCodeAt(out.length - 2))) out = out.slice(0, -2);
  if (out.length >= 2 && isApostrophe(out.charCodeAt(out.length - 1)) && out.charCodeAt(out.length - 2) === S) out = out.slice(0, -1);
  return out;
}


/**
 * The comparison key of a name: folded, possessive removed, and every character that is not a letter or a digit
 * dropped, so that `Kim Jong-un`, `Kim Jong Un` and `KIM JONG UN` share one key, as do `U.S.` and `US`.
 */
export function nameKey(text: string): string {
  return fold(stripPossessive(text.trim())).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** An acronym as written: 2 to 6 capitals, optionally with periods (`GAO`, `U.S.`, `USAF`). */
export function isAcronym(text: string): boolean {
  const letters = text.replace(/\./g, '');
  return /^\p{Lu}[\p{Lu}&]{1,5}$/u.test(letters);
}

const FUNCTION_WORDS = new Set(['of', 'and', 'for', 'the', '&', 'de', 'du', 'des', 'la', 'le', 'on', 'in', 'to']);

/** Initials of the capitalised words of a name, for matching acronyms (`Government Accountability Office` -> `gao`). */
export function initials(words: string[]): string {
  return words
    .filter((word) => !FUNCTION_WORDS.has(word.toLowerCase()))
    .map((word) => fold(word).replace(/[^\p{L}\p{N}]/gu, '').charAt(0))
    .join('');
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `limit` (returns limit + 1). */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}
