// Candidate slot pairs across articles through an inverted index of (slot class, context word), scored by aligned context.
import { frameOf, type SlotFrame } from './frames.js';
import type { PreparedArticle } from './prepared.js';
import type { Slot } from './slots.js';
import type { StoryStats } from './story-stats.js';
import { conflictLexicon } from './lexicon.js';

export interface SlotHandle {
  article: number;
  slot: number;
}

export interface PairFeatures {
  /** Context words shared on the same side of both slots, within the window (left, right, and both). */
  left: number;
  right: number;
  near: number;
  /** The same, each word weighted by how few articles of the story use it. */
  weightedNear: number;
  /** Sides (0–2) on which the nearest context word is the same. */
  adjacent: number;
  /** |A ∩ B| / max(|A|, |B|) over the two sentences' content stems outside the slots. */
  overlap: number;
  /** Both numbers have the same kind of unit (a shared noun, both ages of one owner, both unitless); names the same kind. */
  unit: boolean;
  /** Dates: weighted stems shared by the two sentences together with the sentence after each (0 for other slots). */
  extendedNear: number;
  /** Dates: the two contexts number their day differently ("second day", "third day"). */
  ordinalsDiffer: boolean;
  /** Articles that state both values somewhere: many means two different facts, not two versions of one (filled in
   * by `statedByBoth` for the pairs that are counterparts; 0 before). */
  both: number;
}

export interface SlotPair {
  a: SlotHandle;
  b: SlotHandle;
  features: PairFeatures;
  score: number;
}

/** A (class, word) key with more postings than this is too common to find pairs by (a word in every sentence). */
const MAX_POSTINGS = 400;

function shared(a: readonly string[], b: readonly string[], weight: (stem: string) => number): { count: number; weighted: number } {
  let count = 0;
  let weighted = 0;
  // Windows hold a few words: nested loops beat building sets.
  for (let i = 0; i < a.length; i++) {
    const word = a[i]!;
    if (a.indexOf(word) !== i || !b.includes(word)) continue;
    count++;
    weighted += weight(word);
  }
  return { count, weighted };
}

function unitsAgree(a: Slot, b: Slot): boolean {
  // Names of unknown kind may stand for anything; a known place never conflicts with a known organisation.
  if (a.type === 'name') return a.nameKind === b.nameKind || a.nameKind === 'other' || b.nameKind === 'other';
  if (a.type !== 'number') return true;
  const x = a.unit!;
  const y = b.unit!;
  if (x.length === 0 || y.length === 0) return x.length === y.length;
  if ((x[0] === 'age') !== (y[0] === 'age')) return false;
  if (x[0] === 'age') {
    // Ages agree in kind when they belong to the same person or noun (last words equal, first words too when both have one).
    const p = a.owner ?? [];
    const q = b.owner ?? [];
    if (!p.length || !q.length || p[p.length - 1] !== q[q.length - 1]) return false;
    return p.length < 2 || q.length < 2 || p[0] === q[0];
  }
  const money = (u: string[]) => u.find((w) => w.startsWith('money:'));
  if (money(x) !== money(y)) return false;
  // The counted noun comes first, perhaps after one describing word ("seven villages", "two power running backs"):
  // the first word of either phrase must be among the first two of the other.
  const p = x.filter((w) => !w.startsWith('money:'));
  const q = y.filter((w) => !w.startsWith('money:'));
  if (p.length === 0 || q.length === 0) return p.length === q.length;
  return q.slice(0, 2).includes(p[0]!) || p.slice(0, 2).includes(q[0]!);
}

export function pairFeatures(stats: StoryStats, a: Slot, fa: SlotFrame, b: Slot, fb: SlotFrame): PairFeatures {
  const left = shared(fa.left, fb.left, stats.weight);
  const right = shared(fa.right, fb.right, stats.weight);
  let common = 0;
  for (const word of fa.sentence) if (fb.sentence.has(word)) common++;
  const overlap = common / Math.max(fa.sentence.size, fb.sentence.size, 1);
  const adjacent = (fa.left[0] !== undefined && fa.left[0] === fb.left[0] ? 1 : 0) + (fa.right[0] !== undefined && fa.right[0] === fb.right[0] ? 1 : 0);
  let extendedNear = 0;
  let ordinalsDiffer = false;
  if (fa.extended && fb.extended) {
    for (const word of fa.extended) if (fb.extended.has(word)) extendedNear += stats.weight(word);
    // "the second day" against "the third day": two days of a sequence, not two versions of one.
    const ordinals = conflictLexicon().ordinals;
    const x = [...fa.extended].filter((w) => ordinals.has(w));
    const y = [...fb.extended].filter((w) => ordinals.has(w));
    ordinalsDiffer = x.length > 0 && y.length > 0 && !x.some((w) => y.includes(w));
  }
  return {
    extendedNear,
    ordinalsDiffer,
    left: left.count,
    right: right.count,
    near: left.count + right.count,
    weightedNear: left.weighted + right.weighted,
    adjacent,
    overlap,
    unit: unitsAgree(a, b),
    both: 0,
  };
}

/** One number summing the evidence, to choose a slot's best counterpart in another article. */
export const pairScore = (f: PairFeatures): number => f.weightedNear + f.adjacent + 4 * f.overlap + (f.unit ? 1 : 0) + f.extendedNear / 4;

/** Pair evaluations per story at most: the per-slot share of it bounds the work of a 500-article story. */
const MAX_PAIRS = 30_000;
/** … but every slot may meet at least this many candidates. */
const MIN_CANDIDATES = 6;

/** Candidates each slot meets at most, when a story has this many slots: its share of the story's work budget. */
export const candidateBudget = (slots: number): number => Math.max(MIN_CANDIDATES, Math.floor(MAX_PAIRS / Math.max(1, slots)));

/**
 * Scored pairs of slots in different articles that share a class and a context word. Each slot meets its candidates
 * through its rarest keys first, up to its share of the story's work budget; frames are computed once.
 * `accept` decides which pairs are kept (a cheap gate; the alignment rule comes after the choice of counterparts).
 */
export function candidatePairs(
  articles: readonly PreparedArticle[],
  stats: StoryStats,
  accept: (a: Slot, b: Slot, features: PairFeatures) => boolean,
): { pairs: SlotPair[]; frames: SlotFrame[][]; evaluated: number } {
  const frames = articles.map((article) => article.slots.map((slot) => frameOf(article, slot)));
  const handles: SlotHandle[] = [];
  articles.forEach((article, ai) => article.slots.forEach((_slot, si) => handles.push({ article: ai, slot: si })));
  // Keys become numbers once: postings[key] lists slot indices, keysOf[g] the keys of slot g.
  const keyIds = new Map<string, number>();
  const postings: number[][] = [];
  const keysOf: number[][] = handles.map((h, g) => {
    const frame = frames[h.article]![h.slot]!;
    const keys = new Set<number>();
    const add = (key: string) => {
      let id = keyIds.get(key);
      if (id === undefined) {
        keyIds.set(key, (id = postings.length));
        postings.push([]);
      }
      if (!keys.has(id)) {
        keys.add(id);
        postings[id]!.push(g);
      }
    };
    // A name conflicts only with a name next to the same word (the alignment rule asks for it): it is found by its
    // nearest neighbours alone, which keeps the many names of a long story from crowding each other's candidates.
    const isName = articles[h.article]!.slots[h.slot]!.type === 'name';
    for (const cls of frame.classes) {
      for (const word of isName ? frame.left.slice(0, 1) : frame.left) add(`${cls}|<${word}`);
      for (const word of isName ? frame.right.slice(0, 1) : frame.right) add(`${cls}|>${word}`);
      // An age is found by its owner, whatever the sentence around it; a date also by the words of its event.
      if (frame.owner) add(`${cls}|@${frame.owner}`);
      if (frame.extended) for (const word of frame.extended) add(`${cls}|~${word}`);
    }
    return [...keys];
  });
  // Slots in one sentence written word for word in several articles (wire copies) have one frame and one set of
  // features with any other slot: they are computed once per pair of such signatures.
  const signatures = new Map<string, number>();
  const signatureOf = handles.map((h) => {
    const article = articles[h.article]!;
    const slot = article.slots[h.slot]!;
    const span = article.sentences[slot.sentence]!;
    // A date's frame also reads the next sentence.
    const next = slot.type === 'date' ? article.sentences[slot.sentence + 1] : undefined;
    // The slot's extent with its sentence: a name's extent also depends on capitals elsewhere in its article.
    const key = `${slot.start - span.start}:${slot.end - span.start}\u0000${article.text.slice(span.start, span.end)}${next ? `\u0000${article.text.slice(next.start, next.end)}` : ''}`;
    let id = signatures.get(key);
    if (id === undefined) signatures.set(key, (id = signatures.size));
    return id;
  });
  const featureMemo = new Map<number, PairFeatures>();
  const budget = candidateBudget(handles.length);
  const pairs: SlotPair[] = [];
  const seen = new Set<number>();
  let evaluated = 0;
  const total = handles.length;
  for (let g = 0; g < total; g++) {
    const x = handles[g]!;
    const keys = keysOf[g]!.map((key) => postings[key]!).filter((list) => list.length >= 2 && list.length <= MAX_POSTINGS);
    keys.sort((p, q) => p.length - q.length);
    const candidates: number[] = [];
    const taken = new Set<number>();
    gather: for (const list of keys) {
      for (const h of list) {
        if (handles[h]!.article === x.article || taken.has(h)) continue;
        taken.add(h);
        candidates.push(h);
        if (candidates.length >= budget) break gather;
      }
    }
    for (const h of candidates) {
      const [g1, g2] = g < h ? [g, h] : [h, g];
      const id = g1 * total + g2;
      if (seen.has(id)) continue;
      seen.add(id);
      evaluated++;
      const first = handles[g1]!;
      const second = handles[g2]!;
      const a = articles[first.article]!.slots[first.slot]!;
      const b = articles[second.article]!.slots[second.slot]!;
      if (a.type !== b.type) continue;
      // A day given as the report's ("said Friday") is no counterpart of an event's day.
      if (a.type === 'date' && Boolean(a.reportDay) !== Boolean(b.reportDay)) continue;
      const memoKey = signatureOf[g1]! * signatures.size + signatureOf[g2]!;
      let features = featureMemo.get(memoKey);
      if (!features) {
        features = pairFeatures(stats, a, frames[first.article]![first.slot]!, b, frames[second.article]![second.slot]!);
        featureMemo.set(memoKey, features);
      }
      if (!accept(a, b, features)) continue;
      pairs.push({ a: first, b: second, features, score: pairScore(features) });
    }
  }
  return { pairs, frames, evaluated };
}

const bothMemo = new WeakMap<ReadonlySet<number>, WeakMap<ReadonlySet<number>, number>>();

/** Articles that state both values of a pair somewhere (computed only for the pairs that need it, once per two values). */
export function statedByBoth(stats: StoryStats, pair: SlotPair): number {
  const hx = stats.holders(pair.a.article, pair.a.slot);
  const hy = stats.holders(pair.b.article, pair.b.slot);
  // The count is symmetric: a pair of values is counted once, whichever comes first.
  const known = bothMemo.get(hx)?.get(hy) ?? bothMemo.get(hy)?.get(hx);
  if (known !== undefined) return known;
  const [small, large] = hx.size <= hy.size ? [hx, hy] : [hy, hx];
  let both = 0;
  for (const i of small) if (large.has(i)) both++;
  let inner = bothMemo.get(hx);
  if (!inner) bothMemo.set(hx, (inner = new WeakMap()));
  inner.set(hy, both);
  return both;
}
