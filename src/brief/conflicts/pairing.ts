// Candidate slot pairs across articles through an inverted index of (slot class, context word), scored by aligned context.
import { frameOf, type SlotFrame } from './frames.js';
import type { PreparedArticle } from './prepared.js';
import type { Slot } from './slots.js';

export interface SlotHandle {
  article: number;
  slot: number;
}

export interface PairFeatures {
  /** Context words shared on the same side of both slots, within the window. */
  near: number;
  left: number;
  right: number;
  /** |A ∩ B| / max(|A|, |B|) over the two sentences' content stems outside the slots. */
  overlap: number;
  /** Both numbers have the same kind of unit (a shared noun, both ages, both unitless). */
  unit: boolean;
}

export interface SlotPair {
  a: SlotHandle;
  b: SlotHandle;
  features: PairFeatures;
  score: number;
}

/** A (class, word) key with more postings than this is too common to find pairs by (a word in every sentence). */
const MAX_POSTINGS = 400;

function sharedOnSide(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b);
  let shared = 0;
  const seen = new Set<string>();
  for (const word of a) if (set.has(word) && !seen.has(word)) {
    seen.add(word);
    shared++;
  }
  return shared;
}

function unitsAgree(a: Slot, b: Slot): boolean {
  if (a.type !== 'number') return true;
  const x = a.unit!;
  const y = b.unit!;
  if (x.length === 0 || y.length === 0) return x.length === y.length;
  const money = (u: string[]) => u.find((w) => w.startsWith('money:'));
  if (money(x) !== money(y) && money(x) && money(y)) return false;
  const set = new Set(x);
  return y.some((w) => set.has(w));
}

export function pairFeatures(a: Slot, fa: SlotFrame, b: Slot, fb: SlotFrame): PairFeatures {
  const left = sharedOnSide(fa.left, fb.left);
  const right = sharedOnSide(fa.right, fb.right);
  let shared = 0;
  for (const word of fa.sentence) if (fb.sentence.has(word)) shared++;
  const overlap = shared / Math.max(fa.sentence.size, fb.sentence.size, 1);
  return { near: left + right, left, right, overlap, unit: unitsAgree(a, b) };
}

/** One number summing the evidence, to choose a slot's best counterpart in another article. */
export const pairScore = (f: PairFeatures): number => f.near + 4 * f.overlap + (f.unit ? 1 : 0);

/**
 * Every scored pair of slots in different articles that share a class and a context word; frames are computed once.
 * `accept` decides which pairs are kept (the caller's alignment rule).
 */
export function candidatePairs(
  articles: readonly PreparedArticle[],
  accept: (a: Slot, b: Slot, features: PairFeatures) => boolean,
): { pairs: SlotPair[]; frames: SlotFrame[][] } {
  const frames = articles.map((article) => article.slots.map((slot) => frameOf(article, slot)));
  const postings = new Map<string, SlotHandle[]>();
  articles.forEach((article, ai) =>
    article.slots.forEach((_slot, si) => {
      const frame = frames[ai]![si]!;
      const keys = new Set<string>();
      for (const cls of frame.classes) {
        for (const word of frame.left) keys.add(`${cls}|<${word}`);
        for (const word of frame.right) keys.add(`${cls}|>${word}`);
      }
      for (const key of keys) {
        let list = postings.get(key);
        if (!list) postings.set(key, (list = []));
        list.push({ article: ai, slot: si });
      }
    }),
  );
  const pairs: SlotPair[] = [];
  const seen = new Set<string>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTINGS) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        if (x.article === y.article) continue;
        const id = `${x.article}:${x.slot}:${y.article}:${y.slot}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const a = articles[x.article]!.slots[x.slot]!;
        const b = articles[y.article]!.slots[y.slot]!;
        if (a.type !== b.type) continue;
        const features = pairFeatures(a, frames[x.article]![x.slot]!, b, frames[y.article]![y.slot]!);
        if (!accept(a, b, features)) continue;
        pairs.push({ a: x, b: y, features, score: pairScore(features) });
      }
    }
  }
  return { pairs, frames };
}
