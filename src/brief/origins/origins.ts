// Origin groups of a story: articles that copy one text (near-duplicates, copied passages beyond a shared quotation) count as one source.
import { shingleHashes, tokenize } from '../../text/tokens.js';

/** One article as origin grouping reads it, in the brief's order (earliest published first). */
export interface OriginArticle {
  ref: number;
  text: string;
  outlet: string;
  /** Agencies the article credits ("tg/rs (AP, Reuters)"): shown, never a reason to merge. */
  credits: string[];
}

export type OriginLink = 'origin' | 'near-duplicate' | 'copied-passage';

export interface OriginMember {
  ref: number;
  /** The earlier article this one copies most from, or null for the group's origin. */
  copies: number | null;
  link: OriginLink;
  /** Words of this article that `copies` published first, word for word, quotations left out (estimated from 8-word shingles). */
  sharedWords: number;
  /** Share of this article's shingles (outside quotations) that `copies` published first. */
  overlap: number;
  credits: string[];
}

export interface Origin {
  /** 1-based, in order of the groups' origins. */
  id: number;
  /** The earliest publisher of the group. */
  origin: number;
  /** The agencies the group's texts credit (each named by more than half of its members that credit anyone). */
  credited: string[];
  members: OriginMember[];
}

/** Word shingle length: eight words in a row outside quotation marks are rarely written twice independently. */
const SHINGLE = 8;
/**
 * Shingles two articles must share to count as copies: 15 shingles are a run of at least 22 words (an ordinary
 * news sentence) outside quotation marks; independent reports of one event share quotes, names and stock phrases,
 * not such runs.
 */
const MIN_SHARED_SHINGLES = 15;
/** Share of an article's shingles found in an earlier one that makes it a near-duplicate rather than a partial copy. */
const NEAR_DUPLICATE = 0.8;
/**
 * Spans inside double quotation marks, as a cheap scan: a straight mark opens at the start of a word and closes
 * after one; curly marks and guillemets say which they are; a line end closes an open quote. Enough to leave
 * quotations out of copy detection (the quotes section has the careful reader).
 */
export function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open = -1;
  const mark = /["“”«»„\n]/g;
  for (let m = mark.exec(text); m; m = mark.exec(text)) {
    const c = m[0];
    const at = m.index;
    if (c === '\n') {
      if (open >= 0) ranges.push([open, at]);
      open = -1;
    } else if (open < 0) {
      if (c === '“' || c === '«' || c === '„' || (c === '"' && !/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' '))) open = at;
    } else if (c === '”' || c === '»' || c === '"') {
      ranges.push([open, at + 1]);
      open = -1;
    }
  }
  if (open >= 0) ranges.push([open, text.length]);
  return ranges;
}

/** Shingle hashes of the text's words outside quotation marks (a shared quotation is not copying), sorted, each once. */
function ownShingles(text: string): Uint32Array {
  const tokens = tokenize(text);
  if (tokens.length < SHINGLE) return new Uint32Array(0);
  const quoted = quotedRanges(text);
  // Prefix sums of quoted tokens: a shingle is kept when none of its words is quoted.
  const quotedBefore = new Uint32Array(tokens.length + 1);
  for (let i = 0, q = 0; i < tokens.length; i++) {
    const start = tokens[i]!.start;
    while (q < quoted.length && quoted[q]![1] <= start) q++;
    quotedBefore[i + 1] = quotedBefore[i]! + (q < quoted.length && quoted[q]![0] <= start ? 1 : 0);
  }
  const hashes = shingleHashes(tokens, SHINGLE);
  const kept = new Uint32Array(hashes.length);
  let n = 0;
  // 30-bit keys stay small integers in the index map (fast); a collision only costs a spurious shared shingle.
  for (let i = 0; i < hashes.length; i++) if (quotedBefore[i + SHINGLE]! === quotedBefore[i]!) kept[n++] = hashes[i]! & 0x3fffffff;
  const sorted = kept.subarray(0, n).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return sorted.slice(0, unique);
}

/**
 * Group the articles by origin. Each shingle belongs to the article that published it first; each article is
 * linked to the earlier article that first published most of its wording (when that is at least a long sentence),
 * so a rewrite that weaves in sentences of two reports joins the report it copies most, and the two reports stay
 * two sources: groups are the trees of these links, never a chain of any shared sentence. Cost: one map lookup a
 * shingle, whatever the number of copies.
 */
export function originGroups(articles: OriginArticle[]): Origin[] {
  const firstCarrier = new Map<number, number>();
  const parent: number[] = [];
  const members: OriginMember[] = [];
  articles.forEach((article, i) => {
    const shingles = ownShingles(article.text);
    const shared = new Map<number, number>();
    for (const h of shingles) {
      const j = firstCarrier.get(h);
      if (j !== undefined) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    let best = -1;
    let bestCount = 0;
    for (const [j, count] of shared) if (count > bestCount || (count === bestCount && j < best)) [best, bestCount] = [j, count];
    const linked = bestCount >= MIN_SHARED_SHINGLES;
    const overlap = shingles.length ? bestCount / shingles.length : 0;
    parent.push(linked ? best : i);
    members.push({
      ref: article.ref,
      copies: linked ? articles[best]!.ref : null,
      link: !linked ? 'origin' : overlap >= NEAR_DUPLICATE ? 'near-duplicate' : 'copied-passage',
      sharedWords: linked ? bestCount + SHINGLE - 1 : 0,
      overlap: linked ? Math.round(overlap * 1000) / 1000 : 0,
      credits: article.credits,
    });
    for (const h of shingles) if (!firstCarrier.has(h)) firstCarrier.set(h, i);
  });
  const root = (i: number): number => (parent[i] === i ? i : root(parent[i]!));
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const r = root(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  return [...groups.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([r, list], g) => ({
      id: g + 1,
      origin: articles[r]!.ref,
      credited: creditedAgencies(list.map((i) => articles[i]!.credits)),
      members: list.map((i) => members[i]!),
    }));
}

/** Origin group id by ref; a ref in no group (grouping failed or left it out) counts as a source of its own. */
export function groupIdsOf(groups: readonly { id: number; members: readonly { ref: number }[] }[], refs: readonly number[]): Map<number, number> {
  const ids = new Map<number, number>();
  for (const g of groups) for (const m of g.members) ids.set(m.ref, g.id);
  for (const ref of refs) if (!ids.has(ref)) ids.set(ref, groups.length + ref);
  return ids;
}

/** The agencies named by more than half of the members that credit anyone, in order of first mention. */
function creditedAgencies(credits: string[][]): string[] {
  const crediting = credits.filter((c) => c.length > 0);
  const counts = new Map<string, number>();
  for (const list of crediting) for (const name of new Set(list)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].filter(([, n]) => n * 2 > crediting.length).map(([name]) => name);
}
