// How the story's articles use words and values: document frequencies of stems, and which articles state a value.
import type { PreparedArticle } from './prepared.js';
import type { Slot } from './slots.js';
import { distinctiveWords } from './values.js';

export interface StoryStats {
  articles: number;
  /** Weight of a shared context word: 1 for a word two articles use, less the more articles of the story use it. */
  weight(stem: string): number;
  /** Articles (indices) that state this value anywhere: same number with a shared unit, same day parts, a shared name word. */
  holders(article: number, slot: number): ReadonlySet<number>;
}

/** Keys under which a slot's value is stated; two slots stating one value share a key. */
function valueKeys(slot: Slot): string[] {
  if (slot.type === 'number') {
    if (slot.unit![0] === 'age') return [`a|${slot.value}|${slot.owner?.[slot.owner.length - 1] ?? ''}`];
    return slot.unit!.length ? slot.unit!.map((u) => `n|${slot.value}|${u}`) : [`n|${slot.value}|`];
  }
  if (slot.type === 'date') return [`d|${slot.key}`];
  return distinctiveWords(slot).map((w) => `p|${w}`);
}

export function storyStats(articles: readonly PreparedArticle[]): StoryStats {
  const df = new Map<string, number>();
  const stated = new Map<string, Set<number>>();
  articles.forEach((article, index) => {
    for (const stem of new Set(article.stems)) if (stem) df.set(stem, (df.get(stem) ?? 0) + 1);
    for (const slot of article.slots) {
      // A day next to "said" may be the report's: it does not show that the article states that day for an event.
      if (slot.reportDay) continue;
      for (const key of valueKeys(slot)) {
        let set = stated.get(key);
        if (!set) stated.set(key, (set = new Set()));
        set.add(index);
      }
    }
  });
  const n = articles.length;
  const memo = articles.map(() => new Map<number, Set<number>>());
  const weights = new Map<string, number>();
  const byValue = new Map<string, Set<number>>();
  return {
    articles: n,
    // log(n/df + 1) / log(n/2 + 1): 1 when two of the articles use the word, about 0.3 when all twenty do.
    weight: (stem) => {
      let w = weights.get(stem);
      if (w === undefined) weights.set(stem, (w = Math.min(1, Math.log(n / (df.get(stem) ?? 1) + 1) / Math.log(n / 2 + 1))));
      return w;
    },
    holders(article, slot) {
      let set = memo[article]!.get(slot);
      if (!set) {
        // One set per value: the copies of a sentence across a story state the same values.
        const keys = valueKeys(articles[article]!.slots[slot]!);
        const joined = keys.join('\u0000');
        set = byValue.get(joined);
        if (!set) {
          set = new Set();
          for (const key of keys) for (const i of stated.get(key) ?? []) set.add(i);
          byValue.set(joined, set);
        }
        memo[article]!.set(slot, set);
      }
      return set;
    },
  };
}
