// Claims of a story: statements of different outlets that say the same thing, grouped, with the origin groups that make them.
import { stopWords } from '../../text/terms.js';
import { tokenize } from '../../text/tokens.js';
import { findLists, foldPlural, sameList, type ListItems } from './lists.js';
import { prepareClaim, SAME_CLAIM_THRESHOLD, scorePrepared, type PreparedClaim } from './same-claim.js';
import { claimUnits } from './units.js';

/** One article as claim grouping reads it. */
export interface ClaimArticle {
  ref: number;
  text: string;
  /** Its origin group: copies of one text count as one source. */
  group: number;
}

/** One statement of one article, as offsets into its text. */
export interface ClaimStatement {
  ref: number;
  start: number;
  end: number;
}

export interface ClaimGroup {
  /** Every statement of the claim, by source order then position. */
  statements: ClaimStatement[];
  /** The statement whose wording represents the claim. */
  representative: ClaimStatement;
  refs: number[];
  /** Distinct origin groups among the sources. */
  independentSources: number;
}

/** How two statements are compared: prepared once each, then scored in 0..1; `threshold` says "the same claim". */
export interface ClaimScorer<P> {
  prepare(text: string): P;
  score(a: P, b: P): number;
  threshold: number;
}

/** The story's claim scorer: the same-claim model (the `same-claim` tool's code) at its one threshold. */
export const SAME_CLAIM_SCORER: ClaimScorer<PreparedClaim> = { prepare: prepareClaim, score: scorePrepared, threshold: SAME_CLAIM_THRESHOLD };

export interface ClaimsResult {
  /** Claims carried by at least two sources, most independent sources first. */
  claims: ClaimGroup[];
  /** Statements only one source makes, per source ref, in text order. */
  single: Map<number, ClaimStatement[]>;
  /** Pairs of statements scored (the candidates the index found). */
  compared: number;
}

/** Candidates a statement is scored against, at most: the ones sharing the most weight of rare terms. */
const MAX_CANDIDATES = 24;
/** A term in more than this share of a story's distinct statements is too common to find candidates by. */
const COMMON_TERM_SHARE = 0.2;
/** Candidates must share at least this many content terms. */
const MIN_SHARED_TERMS = 2;
/**
 * Share of the shorter statement's term weight (IDF within the story) that the other must have before the pair
 * scorer is asked: the scorer was fitted on pairs that already overlap (MSRP), and a story's candidate pairs
 * include statements that share only the story's names.
 */
const MIN_CONTAINMENT = 0.4;


/** Content terms of a statement for the candidate index: lower case, no stop words, a plural `s` folded. */
export function indexTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const norm = token.norm;
    if (norm.length < 2 || stopWords().has(norm) || !/\p{L}/u.test(norm)) continue;
    terms.add(foldPlural(norm));
  }
  return terms;
}

/** Identical statements (copies of one sentence) are compared once: their text without case and punctuation. */
const copyKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Group the statements of a story's articles into claims. Copies of a sentence are one statement first; each
 * distinct statement then finds candidates through an index of its rarer terms (never every pair), the scorer
 * decides which candidates say the same, and the pairs it accepts join their statements into one claim.
 */
export function groupClaims<P>(articles: ClaimArticle[], scorer: ClaimScorer<P>): ClaimsResult {
  const groupOf = new Map(articles.map((a) => [a.ref, a.group]));
  // Distinct statements with every place they occur.
  const distinct: { key: string; text: string; places: ClaimStatement[] }[] = [];
  const byKey = new Map<string, number>();
  for (const article of articles) {
    for (const unit of claimUnits(article.text)) {
      const text = article.text.slice(unit.start, unit.end);
      const key = copyKey(text);
      let index = byKey.get(key);
      if (index === undefined) byKey.set(key, (index = distinct.push({ key, text, places: [] }) - 1));
      distinct[index]!.places.push({ ref: article.ref, start: unit.start, end: unit.end });
    }
  }
  const terms = distinct.map((d) => [...indexTerms(d.text)]);
  const postings = new Map<string, number[]>();
  terms.forEach((list, i) => {
    for (const term of list) (postings.get(term) ?? postings.set(term, []).get(term)!).push(i);
  });
  const common = Math.max(2, distinct.length * COMMON_TERM_SHARE);
  const weight = (term: string): number => Math.log(1 + distinct.length / postings.get(term)!.length);
  const termSets = terms.map((list) => new Set(list));
  const totals = terms.map((list) => list.reduce((sum, term) => sum + weight(term), 0));
  const containment = (i: number, j: number): number => {
    const [small, large] = terms[i]!.length <= terms[j]!.length ? [i, j] : [j, i];
    let shared = 0;
    for (const term of terms[small]!) if (termSets[large]!.has(term)) shared += weight(term);
    return shared / Math.max(1e-9, Math.min(totals[i]!, totals[j]!));
  };

  const parent = distinct.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const prepared = new Map<number, P>();
  const prep = (i: number): P => prepared.get(i) ?? prepared.set(i, scorer.prepare(distinct[i]!.text)).get(i)!;
  let compared = 0;
  distinct.forEach((statement, i) => {
    const refs = new Set(statement.places.map((p) => p.ref));
    const shared = new Map<number, { count: number; weight: number }>();
    for (const term of terms[i]!) {
      const list = postings.get(term)!;
      if (list.length > common) continue;
      const w = weight(term);
      for (const j of list) {
        if (j <= i) continue;
        const entry = shared.get(j) ?? shared.set(j, { count: 0, weight: 0 }).get(j)!;
        entry.count++;
        entry.weight += w;
      }
    }
    const candidates = [...shared.entries()]
      .filter(([j, s]) => s.count >= MIN_SHARED_TERMS && distinct[j]!.places.some((p) => !refs.has(p.ref)))
      .sort((x, y) => y[1].weight - x[1].weight || x[0] - y[0])
      .slice(0, MAX_CANDIDATES);
    for (const [j] of candidates) {
      if (find(i) === find(j) || containment(i, j) < MIN_CONTAINMENT) continue;
      compared++;
      if (scorer.score(prep(i), prep(j)) >= scorer.threshold) parent[find(j)] = find(i);
    }
  });
  compared += linkLists(distinct, parent, find);

  const members = new Map<number, number[]>();
  distinct.forEach((_, i) => (members.get(find(i)) ?? members.set(find(i), []).get(find(i))!).push(i));
  const claims: ClaimGroup[] = [];
  const single = new Map<number, ClaimStatement[]>();
  for (const list of members.values()) {
    const statements = list.flatMap((i) => distinct[i]!.places).sort((x, y) => x.ref - y.ref || x.start - y.start);
    const refs = [...new Set(statements.map((s) => s.ref))];
    if (refs.length === 1) {
      const ref = refs[0]!;
      (single.get(ref) ?? single.set(ref, []).get(ref)!).push(...statements);
      continue;
    }
    // The wording most sources carry word for word; on a tie the shortest (the most to the point), then the earliest.
    const carried = (d: (typeof distinct)[number]): number => new Set(d.places.map((p) => p.ref)).size;
    const representative = list
      .map((i) => distinct[i]!)
      .reduce((x, y) => (carried(y) > carried(x) || (carried(y) === carried(x) && y.text.length < x.text.length) ? y : x)).places[0]!;
    claims.push({ statements, representative, refs, independentSources: new Set(refs.map((r) => groupOf.get(r))).size });
  }
  for (const list of single.values()) list.sort((x, y) => x.start - y.start);
  claims.sort(
    (x, y) =>
      y.independentSources - x.independentSources ||
      y.refs.length - x.refs.length ||
      x.representative.ref - y.representative.ref ||
      x.representative.start - y.representative.start,
  );
  return { claims, single, compared };
}

/**
 * Statements that list the same things (three or more items, all but one sharing a word, in any order) are one
 * claim whatever the words around the lists: "battered by border closings, natural disasters and sanctions" ~
 * "the fallout from the coronavirus, massive summer floods and international sanctions". Candidates come from an
 * index of the items' words. Returns the pairs compared.
 */
function linkLists(distinct: { text: string; places: ClaimStatement[] }[], parent: number[], find: (i: number) => number): number {
  const lists = new Map<number, ListItems[]>();
  const postings = new Map<string, number[]>();
  distinct.forEach((statement, i) => {
    const found = findLists(statement.text);
    if (found.length === 0) return;
    lists.set(i, found);
    for (const word of new Set(found.flat(2))) (postings.get(word) ?? postings.set(word, []).get(word)!).push(i);
  });
  let compared = 0;
  for (const [i, own] of lists) {
    const shared = new Map<number, number>();
    for (const word of new Set(own.flat(2))) for (const j of postings.get(word)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    const refs = new Set(distinct[i]!.places.map((p) => p.ref));
    for (const [j, count] of shared) {
      if (count < 2 || find(i) === find(j) || distinct[j]!.places.every((p) => refs.has(p.ref))) continue;
      compared++;
      if (own.some((a) => lists.get(j)!.some((b) => sameList(a, b)))) parent[find(j)] = find(i);
    }
  }
  return compared;
}
