// Quote attribution scoring: character-overlap matching of system quotes to gold contents (README, "Quotes").
import { f1 } from './prf.js';

/** A gold attribution: content, source and cue as lists of [start, end) ranges. */
export interface GoldQuote {
  content: [number, number][];
  source: [number, number][] | null;
  cue: [number, number][] | null;
}

/** A system quote: one content range and optional speaker and cue ranges. */
export interface SystemQuote {
  start: number;
  end: number;
  speaker: { start: number; end: number } | null;
  cue: { start: number; end: number } | null;
}

export interface QuoteCounts {
  gold: number;
  system: number;
  matched: number;
  /** Matched pairs whose gold has a source, and those whose speaker overlaps it. */
  withSource: number;
  speakerRight: number;
  withCue: number;
  cueRight: number;
  directGold: number;
  directSystem: number;
  /** Matched pairs with a direct gold / with a direct system quote. */
  matchedDirectGold: number;
  matchedDirectSystem: number;
  directWithSource: number;
  directSpeakerRight: number;
}

export const emptyCounts = (): QuoteCounts => ({
  gold: 0, system: 0, matched: 0, withSource: 0, speakerRight: 0, withCue: 0, cueRight: 0,
  directGold: 0, directSystem: 0, matchedDirectGold: 0, matchedDirectSystem: 0, directWithSource: 0, directSpeakerRight: 0,
});

const MARKS = new Set(['"', '“', '”', '„', '«', '»', '‘', '’', "'", '‹', '›']);

/** Direct: the text, trimmed, starts or ends with a quotation mark (NYT's '' included, as its ' is one). */
export function isDirect(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && (MARKS.has(t[0]!) || MARKS.has(t[t.length - 1]!));
}

const overlapsAny = (span: { start: number; end: number } | null, ranges: [number, number][] | null): boolean =>
  span !== null && ranges !== null && ranges.some(([s, e]) => span.start < e && s < span.end);

/** |characters in both| / |characters in either| of a range set and one range. */
export function overlapRatio(ranges: [number, number][], start: number, end: number): number {
  let goldSize = 0;
  let inter = 0;
  for (const [s, e] of ranges) {
    goldSize += Math.max(0, e - s);
    inter += Math.max(0, Math.min(e, end) - Math.max(s, start));
  }
  const union = goldSize + Math.max(0, end - start) - inter;
  return union > 0 ? inter / union : 0;
}

/** Counts for one article: one-to-one matching, greedily from the highest ratio, pairs with ratio >= 0.5. */
export function scoreArticle(text: string, gold: GoldQuote[], system: SystemQuote[]): QuoteCounts {
  const counts = emptyCounts();
  counts.gold = gold.length;
  counts.system = system.length;
  const goldDirect = gold.map((g) => isDirect(g.content.map(([s, e]) => text.slice(s, e)).join('')));
  const systemDirect = system.map((q) => isDirect(text.slice(q.start, q.end)));
  counts.directGold = goldDirect.filter(Boolean).length;
  counts.directSystem = systemDirect.filter(Boolean).length;
  const pairs: { g: number; s: number; ratio: number }[] = [];
  gold.forEach((g, gi) => {
    const gs = Math.min(...g.content.map((r) => r[0]));
    const ge = Math.max(...g.content.map((r) => r[1]));
    system.forEach((q, si) => {
      if (q.end <= gs || q.start >= ge) return;
      const ratio = overlapRatio(g.content, q.start, q.end);
      if (ratio >= 0.5) pairs.push({ g: gi, s: si, ratio });
    });
  });
  pairs.sort((a, b) => b.ratio - a.ratio || a.g - b.g || a.s - b.s);
  const usedGold = new Set<number>();
  const usedSystem = new Set<number>();
  for (const { g, s } of pairs) {
    if (usedGold.has(g) || usedSystem.has(s)) continue;
    usedGold.add(g);
    usedSystem.add(s);
    counts.matched++;
    const gq = gold[g]!;
    const sq = system[s]!;
    const speakerRight = overlapsAny(sq.speaker, gq.source);
    if (gq.source && gq.source.length) {
      counts.withSource++;
      if (speakerRight) counts.speakerRight++;
    }
    if (gq.cue && gq.cue.length) {
      counts.withCue++;
      if (overlapsAny(sq.cue, gq.cue)) counts.cueRight++;
    }
    if (goldDirect[g]) {
      counts.matchedDirectGold++;
      if (gq.source && gq.source.length) {
        counts.directWithSource++;
        if (speakerRight) counts.directSpeakerRight++;
      }
    }
    if (systemDirect[s]) counts.matchedDirectSystem++;
  }
  return counts;
}

export function addQuoteCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as (keyof QuoteCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

const ratio = (a: number, b: number): number => (b ? a / b : 0);

/** The reported figures from summed counts. */
export function quoteScores(c: QuoteCounts): Record<string, number> {
  const precision = ratio(c.matched, c.system);
  const recall = ratio(c.matched, c.gold);
  const directP = ratio(c.matchedDirectSystem, c.directSystem);
  const directR = ratio(c.matchedDirectGold, c.directGold);
  return {
    f1: f1(precision, recall),
    precision,
    recall,
    speakerAccuracy: ratio(c.speakerRight, c.withSource),
    cueAccuracy: ratio(c.cueRight, c.withCue),
    directF1: f1(directP, directR),
    directP,
    directR,
    directSpeakerAccuracy: ratio(c.directSpeakerRight, c.directWithSource),
  };
}
