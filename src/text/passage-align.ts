// Passages two texts share word for word (small edits allowed), as offsets into both texts.
import { hashString, type Token } from './tokens.js';

export interface Passage {
  /** Character spans in text A and text B. */
  a: [number, number];
  b: [number, number];
  /** Length in tokens (in A). */
  tokens: number;
}

export interface AlignOptions {
  /** Exact token run that seeds a match. */
  seed?: number;
  /** Shortest passage kept, in tokens. */
  minTokens?: number;
  /** Largest edit between two matched runs that still joins them into one passage, in tokens on each side. */
  maxGap?: number;
}

interface Run {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** A text made ready for alignment once, to be aligned with many others (the brief pairs every source). */
export interface AlignmentText {
  tokens: readonly Token[];
  /** Token hashes. */
  hashes: Uint32Array;
  seed: number;
  /** Seed n-gram keys by position (30-bit hashes); a key collision only costs a check. */
  grams: Int32Array;
  /** The positions of each seed n-gram key, at most 8 a key, in text order (see `GramIndex`). */
  index: GramIndex;
  /** 1 where the n-gram at that position occurs nowhere else in the text. */
  single: Uint8Array;
}

/**
 * An open-addressing table from seed n-gram keys to their positions: `keys[slot]` is a key (-1 empty) and
 * `head[slot]` its first position; `next[position]` is the key's next position (-1 after the last). Typed arrays
 * instead of a Map of lists: the brief looks up every n-gram of one text in each of the others.
 */
interface GramIndex {
  mask: number;
  keys: Int32Array;
  head: Int32Array;
  next: Int32Array;
}

/** Most positions kept per seed key: a phrase repeated more often seeds nothing new. */
const MAX_POSITIONS = 8;

/** Hashes and the seed n-gram index of a token list. */
export function prepareAlignment(tokens: readonly Token[], seed = 6): AlignmentText {
  const hashes = Uint32Array.from(tokens, (t) => hashString(t.norm));
  const count = Math.max(0, hashes.length - seed + 1);
  const grams = new Int32Array(count);
  let size = 16;
  while (size < 2 * count) size *= 2;
  const index: GramIndex = { mask: size - 1, keys: new Int32Array(size).fill(-1), head: new Int32Array(size), next: new Int32Array(count).fill(-1) };
  const tail = new Int32Array(size);
  const held = new Uint8Array(size);
  const slots = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let k = 0; k < seed; k++) {
      h1 = Math.imul(h1 ^ hashes[i + k]!, 0x01000193) >>> 0;
      h2 = Math.imul(h2 + hashes[i + k]!, 0x5bd1e995) >>> 0;
    }
    // A small-integer key; a collision only makes a seed that extension rejects.
    const key = (h1 ^ Math.imul(h2, 0x9e3779b1)) & 0x3fffffff;
    grams[i] = key;
    let slot = key & index.mask;
    while (index.keys[slot] !== -1 && index.keys[slot] !== key) slot = (slot + 1) & index.mask;
    slots[i] = slot;
    if (index.keys[slot] === -1) {
      index.keys[slot] = key;
      index.head[slot] = i;
      tail[slot] = i;
      held[slot] = 1;
    } else if (held[slot]! < MAX_POSITIONS) {
      index.next[tail[slot]!] = i;
      tail[slot] = i;
      held[slot]!++;
    }
  }
  const single = new Uint8Array(count);
  for (let i = 0; i < count; i++) single[i] = held[slots[i]!] === 1 ? 1 : 0;
  return { tokens, hashes, seed, grams, index, single };
}

/** The first position of `key` in the index, or -1. */
function firstPosition(index: GramIndex, key: number): number {
  let slot = key & index.mask;
  for (;;) {
    const held = index.keys[slot]!;
    if (held === key) return index.head[slot]!;
    if (held === -1) return -1;
    slot = (slot + 1) & index.mask;
  }
}

/**
 * Shared passages between two token lists: exact runs found from seed n-grams, extended as far
 * as they go, then joined across small edits ("U.S.-led" vs "US-led"). Linear in the text sizes
 * apart from repeated n-grams, which are capped.
 */
export function alignPassages(a: readonly Token[], b: readonly Token[], options: AlignOptions = {}): Passage[] {
  const seed = options.seed ?? 6;
  return alignPrepared(prepareAlignment(a, seed), prepareAlignment(b, seed), options);
}

/** `alignPassages` on texts prepared once (`prepareAlignment`, with the same seed). */
export function alignPrepared(pa: AlignmentText, pb: AlignmentText, options: AlignOptions = {}): Passage[] {
  const seed = pa.seed;
  const minTokens = options.minTokens ?? 12;
  const maxGap = options.maxGap ?? 4;
  const [a, b] = [pa.tokens, pb.tokens];
  if (a.length < seed || b.length < seed) return [];
  const ha = pa.hashes;
  const hb = pb.hashes;
  const runs: Run[] = [];
  // Per diagonal (j - i, stored at j - i + a.length), where the last run on it ended: a seed inside a run found
  // already is skipped. Seeds are visited in increasing i, so a run on a diagonal always starts after the previous one ends.
  const coveredUntil = new Int32Array(a.length + b.length + 1).fill(-1);
  const next = pb.index.next;
  // The run reaching furthest so far, and its diagonal: inside it, an n-gram that occurs once in B can only hit
  // that run again (a seed the diagonal check skips), so it is not looked up. Near-copies are one long run.
  let runEnd = -1;
  let runShift = 0;
  for (let i = 0; i < pa.grams.length; i++) {
    if (i + seed <= runEnd && pb.single[i + runShift] === 1) continue;
    for (let j = firstPosition(pb.index, pa.grams[i]!); j !== -1; j = next[j]!) {
      const diagonal = j - i + a.length;
      if (coveredUntil[diagonal]! > i) continue;
      let a1 = i;
      let b1 = j;
      while (a1 < ha.length && b1 < hb.length && ha[a1] === hb[b1]) {
        a1++;
        b1++;
      }
      coveredUntil[diagonal] = a1;
      if (a1 > runEnd) {
        runEnd = a1;
        runShift = j - i;
      }
      if (a1 - i >= seed) runs.push({ a0: i, a1, b0: j, b1 });
    }
  }
  runs.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
  // Join runs that follow each other in both texts with small gaps.
  const joined: Run[] = [];
  for (const run of runs) {
    const last = joined[joined.length - 1];
    if (last && run.a0 >= last.a0 && run.b0 >= last.b0 && run.a0 - last.a1 <= maxGap && run.b0 - last.b1 <= maxGap && run.a0 - last.a1 >= 0 && run.b0 - last.b1 >= 0) {
      last.a1 = Math.max(last.a1, run.a1);
      last.b1 = Math.max(last.b1, run.b1);
    } else if (last && run.a0 >= last.a0 && run.a1 <= last.a1) {
      continue; // inside the previous passage (a repeated phrase)
    } else {
      joined.push({ ...run });
    }
  }
  return joined
    .filter((run) => run.a1 - run.a0 >= minTokens)
    .map((run) => ({
      a: [a[run.a0]!.start, a[run.a1 - 1]!.end] as [number, number],
      b: [b[run.b0]!.start, b[run.b1 - 1]!.end] as [number, number],
      tokens: run.a1 - run.a0,
    }));
}
