// Quotes of several outlets that are the same words (other quote marks, small edits, one a fragment of the other) become one item.
import { tokenize } from '../../text/tokens.js';

/** What grouping needs of a quote found in one source. */
export interface QuoteItem {
  ref: number;
  quote: { text: string; start: number };
  /** Canonical speaker name, when resolved. */
  speaker: string | null;
}

/** Share of the shorter quote's word trigrams the longer one has: a fragment, or small edits, still score high. */
const SAME_WORDS = 0.5;
/** Quotes with at least this many trigrams in common merge even when their resolved speakers differ. */
const LONG_QUOTE = 6;
/** Trigrams carried by more quotes than this say nothing about identity (set phrases) and are not indexed. */
const COMMON_TRIGRAM = 200;

const grams = (words: string[]): string[] => {
  if (words.length < 3) return words.length ? [words.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return [...new Set(out)];
};

/**
 * Groups of item indexes that carry the same quote, in order of first appearance. Quotes of two
 * words or fewer must match exactly; speakers of short quotes, when both are known, must agree.
 */
export function quoteGroups(items: QuoteItem[]): number[][] {
  // The copies of a story repeat their quotes word for word: each wording is cut into trigrams once.
  const byText = new Map<string, string[]>();
  const keys = items.map((item) => byText.get(item.quote.text) ?? byText.set(item.quote.text, grams(tokenize(item.quote.text).map((t) => t.norm))).get(item.quote.text)!);
  const index = new Map<string, number[]>();
  keys.forEach((list, i) => {
    for (const key of list) (index.get(key) ?? index.set(key, []).get(key)!).push(i);
  });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  keys.forEach((list, i) => {
    if (list.length === 0) return;
    const shared = new Map<number, number>();
    for (const key of list) {
      const holders = index.get(key)!;
      if (holders.length > COMMON_TRIGRAM) continue;
      for (const j of holders) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, count] of shared) {
      const other = keys[j]!;
      const short = Math.min(list.length, other.length);
      const exactOnly = list.length === 1 || other.length === 1;
      if (exactOnly ? !(list.length === 1 && other.length === 1 && count === 1) : count / short < SAME_WORDS) continue;
      // Short set phrases may be said by several people; long identical wording is one quote,
      // whatever speaker one source's attribution found.
      const [a, b] = [items[i]!.speaker, items[j]!.speaker];
      if (a && b && a !== b && short < LONG_QUOTE) continue;
      parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    if (keys[i]!.length === 0) return;
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(i);
  });
  const position = (i: number): [number, number] => [items[i]!.ref, items[i]!.quote.start];
  return [...groups.values()]
    .map((g) => g.sort((x, y) => position(x)[0] - position(y)[0] || position(x)[1] - position(y)[1]))
    .sort((x, y) => y.length - x.length || position(x[0]!)[0] - position(y[0]!)[0] || position(x[0]!)[1] - position(y[0]!)[1]);
}
