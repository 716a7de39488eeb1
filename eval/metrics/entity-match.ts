// MEANTIME name scoring: exact / lenient / identical mention matching against gold ranges with cores, and the mention pairs for B-cubed merging.
import { countScores } from './prf.js';

export interface GoldName {
  start: number;
  end: number;
  core: [number, number];
  type: string;
  /** Cross-document entity id; absent: the name stands alone. */
  instance?: string | null;
}

export interface SystemName {
  start: number;
  end: number;
  type: string;
  name?: string;
}

export interface MatchCounts {
  gold: number;
  /** System mentions counted (after leaving out the ones on neutral or non-core text). */
  system: number;
  exact: number;
  lenient: number;
  identical: number;
}

const TYPES: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', person: 'PER', organization: 'ORG', place: 'LOC' };

/** PER | ORG | LOC, from either spelling; undefined for any other type. */
export function normaliseType(type: string): string | undefined {
  return TYPES[type];
}

const shared = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));
const overlaps = (a: number, b: number, c: number, d: number) => a < d && c < b;

/** One-to-one matching, greedily by characters shared with the gold core (ties: earlier gold, earlier system). */
function greedy(gold: GoldName[], system: SystemName[], eligible: (g: GoldName, s: SystemName) => boolean): Map<number, number> {
  const pairs: { g: number; s: number; weight: number }[] = [];
  gold.forEach((g, gi) =>
    system.forEach((s, si) => {
      if (g.type === s.type && eligible(g, s)) pairs.push({ g: gi, s: si, weight: shared(s.start, s.end, g.core[0], g.core[1]) });
    }),
  );
  pairs.sort((a, b) => b.weight - a.weight || a.g - b.g || a.s - b.s);
  const bySystem = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const pair of pairs) {
    if (usedGold.has(pair.g) || bySystem.has(pair.s)) continue;
    usedGold.add(pair.g);
    bySystem.set(pair.s, pair.g);
  }
  return bySystem;
}

export interface DocumentMatch {
  counts: MatchCounts;
  /** Lenient matches: system index -> gold index. */
  lenient: Map<number, number>;
}

/**
 * Scores one document. `system` must hold only mentions that start before `scored_until`, with normalised types.
 * A system mention the lenient matching leaves unmatched that overlaps a neutral range or the non-core part of a
 * gold range, and no gold core, is left out of every count.
 */
export function matchDocument(gold: GoldName[], system: SystemName[], neutral: [number, number][]): DocumentMatch {
  const lenientAll = greedy(gold, system, (g, s) => overlaps(s.start, s.end, g.core[0], g.core[1]));
  const kept: number[] = [];
  system.forEach((s, si) => {
    if (lenientAll.has(si)) return kept.push(si);
    const onCore = gold.some((g) => overlaps(s.start, s.end, g.core[0], g.core[1]));
    const onNeutral =
      neutral.some(([a, b]) => overlaps(s.start, s.end, a, b)) ||
      gold.some((g) => overlaps(s.start, s.end, g.start, g.core[0]) || overlaps(s.start, s.end, g.core[1], g.end));
    if (onCore || !onNeutral) kept.push(si);
  });
  const counted = kept.map((si) => system[si]!);
  const exact = greedy(gold, counted, (g, s) => s.start >= g.start && s.end <= g.end && s.start <= g.core[0] && s.end >= g.core[1]);
  const identical = greedy(gold, counted, (g, s) => s.start === g.start && s.end === g.end);
  const lenient = greedy(gold, counted, (g, s) => overlaps(s.start, s.end, g.core[0], g.core[1]));
  const lenientBySystem = new Map<number, number>();
  for (const [ci, gi] of lenient) lenientBySystem.set(kept[ci]!, gi);
  return {
    counts: { gold: gold.length, system: counted.length, exact: exact.size, lenient: lenient.size, identical: identical.size },
    lenient: lenientBySystem,
  };
}

export function addMatchCounts(a: MatchCounts, b: MatchCounts): MatchCounts {
  return { gold: a.gold + b.gold, system: a.system + b.system, exact: a.exact + b.exact, lenient: a.lenient + b.lenient, identical: a.identical + b.identical };
}


/** exactP/R/F1, lenientP/R/F1 and identicalF1 from summed counts. */
export function mentionScores(counts: MatchCounts): Record<string, number> {
  const exact = countScores(counts.exact, counts.system, counts.gold);
  const lenient = countScores(counts.lenient, counts.system, counts.gold);
  const identical = countScores(counts.identical, counts.system, counts.gold);
  return {
    exactP: exact.p,
    exactR: exact.r,
    exactF1: exact.f,
    lenientP: lenient.p,
    lenientR: lenient.r,
    lenientF1: lenient.f,
    identicalF1: identical.f,
  };
}
