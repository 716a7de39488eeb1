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

/**
 * Shared passages between two token lists: exact runs found from seed n-grams, extended as far
 * as they go, then joined across small edits ("U.S.-led" vs "US-led"). Linear in the text sizes
 * apart from repeated n-grams, which are capped.
 */
export function alignPassages(a: readonly Token[], b: readonly Token[], options: AlignOptions = {}): Passage[] {
  const seed = options.seed ?? 6;
  const minTokens = options.minTokens ?? 12;
  const maxGap = options.maxGap ?? 4;
  if (a.length < seed || b.length < seed) return [];
  const ha = a.map((t) => hashString(t.norm));
  const hb = b.map((t) => hashString(t.norm));
  const gramKey = (h: number[], i: number): string => h.slice(i, i + seed).join(',');
  const index = new Map<string, number[]>();
  for (let j = 0; j + seed <= hb.length; j++) {
    const key = gramKey(hb, j);
    const list = index.get(key);
    if (!list) index.set(key, [j]);
    else if (list.length < 8) list.push(j);
  }
  const runs: Run[] = [];
  const covered = new Set<number>(); // diagonal*1e6 + i, for starts already inside a run
  for (let i = 0; i + seed <= ha.length; i++) {
    const hits = index.get(gramKey(ha, i));
    if (!hits) continue;
    for (const j of hits) {
      if (covered.has((j - i) * 1e7 + i)) continue;
      let a1 = i;
      let b1 = j;
      while (a1 < ha.length && b1 < hb.length && ha[a1] === hb[b1]) {
        covered.add((j - i) * 1e7 + a1);
        a1++;
        b1++;
      }
      runs.push({ a0: i, a1, b0: j, b1 });
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
