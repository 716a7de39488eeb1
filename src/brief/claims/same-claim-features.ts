// Features of a sentence pair for the same-claim model: word, n-gram and order overlap, numbers, names, negation.
import { stemmer } from 'stemmer';
import { dataLines } from '../../data-files.js';
import { tokenize } from '../../text/tokens.js';
import { synsetsOf } from './same-claim-wordnet.js';

/** One sentence made ready for scoring against many others (each sentence is prepared once). */
export interface PreparedClaim {
  /** Stems of all word tokens, in order. */
  stems: string[];
  /** Stems of the content words (no function words), in order. */
  content: string[];
  contentSet: Set<string>;
  stemSet: Set<string>;
  /** Lower-case surface forms, for the looser matches (same prefix). */
  prefixes: Set<string>;
  /** Stem n-grams (n = 2, 3, 4) over all tokens, as `a b` strings. */
  grams: [Set<string>, Set<string>, Set<string>];
  /** Numbers as written, normalised (`2,500` -> `2500`, `3.50` -> `3.5`). */
  numbers: Set<string>;
  /** Stems of capitalised words that are not the first word or a function word: names, mostly. */
  names: string[];
  /** How many negation words (not, no, never, n't ...). */
  negations: number;
  /** Character 4-grams of the lower-case words joined by one space. */
  chars: Set<string>;
  /** WordNet synsets of each content word (parallel to `content`), and all of them together. */
  contentSynsets: (readonly number[])[];
  synsets: Set<number>;
}

let stopwords: Set<string> | undefined;
const stop = (): Set<string> => (stopwords ??= new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))));

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot']);
const NUMBER = /\d+(?:[.,]\d+)*/g;
const PREFIX = 5;

const stemCache = new Map<string, string>();
/** Porter stem of a lower-case token; `didn't` stems as `did` (the negation is counted apart). */
function stemOf(norm: string): string {
  let stem = stemCache.get(norm);
  if (stem === undefined) {
    const base = norm.endsWith("n't") ? norm.slice(0, -3) : norm.replace(/'s$/, '');
    stem = stemmer(base);
    // The cache only bounds repeated work; a runaway vocabulary is cut back rather than kept forever.
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(norm, stem);
  }
  return stem;
}

function normaliseNumber(raw: string): string {
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw;
  return /\.\d*$/.test(plain) ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain;
}

function ngrams(stems: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= stems.length; i++) out.add(stems.slice(i, i + n).join(' '));
  return out;
}

/** The parts of a sentence the pair features read. */
export function prepareClaim(text: string): PreparedClaim {
  const tokens = tokenize(text);
  const stems: string[] = [];
  const content: string[] = [];
  const names: string[] = [];
  const prefixes = new Set<string>();
  const contentSynsets: (readonly number[])[] = [];
  const synsets = new Set<number>();
  let negations = 0;
  tokens.forEach((token, index) => {
    const norm = token.norm;
    const stem = stemOf(norm);
    stems.push(stem);
    if (NEGATIONS.has(norm) || norm.endsWith("n't")) negations++;
    const isStop = stop().has(norm) || NEGATIONS.has(norm);
    if (isStop) return;
    content.push(stem);
    const senses = /\d/.test(norm) ? [] : synsetsOf(norm);
    contentSynsets.push(senses);
    for (const id of senses) synsets.add(id);
    if (norm.length >= PREFIX && !/\d/.test(norm)) prefixes.add(norm.slice(0, PREFIX));
    const first = text.charCodeAt(token.start);
    if (index > 0 && first >= 65 && first <= 90) names.push(stem);
  });
  const numbers = new Set<string>();
  for (const match of text.matchAll(NUMBER)) numbers.add(normaliseNumber(match[0].replace(/[.,]$/, '')));
  const joined = ` ${tokens.map((t) => t.norm).join(' ')} `;
  const chars = new Set<string>();
  for (let i = 0; i + 4 <= joined.length; i++) chars.add(joined.slice(i, i + 4));
  return {
    stems,
    content,
    contentSet: new Set(content),
    stemSet: new Set(stems),
    prefixes,
    grams: [ngrams(stems, 2), ngrams(stems, 3), ngrams(stems, 4)],
    numbers,
    names,
    negations,
    chars,
    contentSynsets,
    synsets,
  };
}

/** Share of `items` present in `other`, and the count of those absent. */
function covered(items: readonly string[], other: Set<string>): { share: number; missing: number } {
  let hit = 0;
  for (const item of items) if (other.has(item)) hit++;
  return { share: items.length ? hit / items.length : 1, missing: items.length - hit };
}

function setOverlap(a: Set<string>, b: Set<string>): number {
  let hit = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) hit++;
  return hit;
}

/** Content words of `items` matched in `other` by stem or, failing that, by their first five letters. */
function coveredLoose(x: PreparedClaim, y: PreparedClaim): number {
  let hit = 0;
  for (const stem of x.content) if (y.contentSet.has(stem) || (stem.length >= PREFIX && y.prefixes.has(stem.slice(0, PREFIX)))) hit++;
  return x.content.length ? hit / x.content.length : 1;
}

/** Share of content words of `x` matched in `y` by stem or by a shared WordNet synset. */
function coveredSynonyms(x: PreparedClaim, y: PreparedClaim): number {
  let hit = 0;
  x.content.forEach((stem, i) => {
    if (y.contentSet.has(stem) || x.contentSynsets[i]!.some((id) => y.synsets.has(id))) hit++;
  });
  return x.content.length ? hit / x.content.length : 1;
}

/** Longest common subsequence length of two stem sequences. */
function lcs(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      current[j] = ai === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Share of pairs of shared content words that keep their order (1 when fewer than two are shared). */
function orderAgreement(x: PreparedClaim, y: PreparedClaim): number {
  const position = new Map<string, number>();
  y.content.forEach((stem, i) => {
    if (!position.has(stem)) position.set(stem, i);
  });
  const seen = new Set<string>();
  const order: number[] = [];
  for (const stem of x.content) {
    const at = position.get(stem);
    if (at !== undefined && !seen.has(stem)) {
      seen.add(stem);
      order.push(at);
    }
  }
  if (order.length < 2) return 1;
  let kept = 0;
  let pairs = 0;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      pairs++;
      if (order[i]! < order[j]!) kept++;
    }
  }
  return kept / pairs;
}

const lo = (p: number, q: number): number => Math.min(p, q);
const hi = (p: number, q: number): number => Math.max(p, q);

/** Feature names, in the order `pairFeatures` returns them. */
export const FEATURE_NAMES = [
  'content_cover_min',
  'content_cover_max',
  'word_cover_min',
  'word_cover_max',
  'bigram_min',
  'bigram_max',
  'trigram_min',
  'trigram_max',
  'fourgram_min',
  'fourgram_max',
  'lcs_min',
  'lcs_max',
  'loose_cover_min',
  'loose_cover_max',
  'content_missing_min',
  'content_missing_max',
  'char_dice',
  'order_agreement',
  'number_mismatch',
  'numbers_shared',
  'name_missing_min',
  'name_missing_max',
  'negation_mismatch',
  'length_ratio',
  'log_length',
  'synonym_cover_min',
  'synonym_cover_max',
  'number_substituted',
] as const;

/** The feature vector of a pair (symmetric: swapping the sentences gives the same vector). */
export function pairFeatures(x: PreparedClaim, y: PreparedClaim): Float64Array {
  const cx = covered(x.content, y.contentSet);
  const cy = covered(y.content, x.contentSet);
  const wx = covered(x.stems, y.stemSet).share;
  const wy = covered(y.stems, x.stemSet).share;
  const gram = (n: 0 | 1 | 2): [number, number] => {
    const shared = setOverlap(x.grams[n], y.grams[n]);
    return [x.grams[n].size ? shared / x.grams[n].size : 1, y.grams[n].size ? shared / y.grams[n].size : 1];
  };
  const [b1, b2] = gram(0);
  const [t1, t2] = gram(1);
  const [f1, f2] = gram(2);
  const common = lcs(x.stems, y.stems);
  const lx = Math.max(1, x.stems.length);
  const ly = Math.max(1, y.stems.length);
  const loose1 = coveredLoose(x, y);
  const loose2 = coveredLoose(y, x);
  const chars = setOverlap(x.chars, y.chars);
  const s1 = coveredSynonyms(x, y);
  const s2 = coveredSynonyms(y, x);
  const sharedNumbers = setOverlap(x.numbers, y.numbers);
  const numberMismatch = x.numbers.size + y.numbers.size - 2 * sharedNumbers;
  const nx = x.names.filter((n) => !y.stemSet.has(n)).length;
  const ny = y.names.filter((n) => !x.stemSet.has(n)).length;
  return Float64Array.from([
    lo(cx.share, cy.share),
    hi(cx.share, cy.share),
    lo(wx, wy),
    hi(wx, wy),
    lo(b1, b2),
    hi(b1, b2),
    lo(t1, t2),
    hi(t1, t2),
    lo(f1, f2),
    hi(f1, f2),
    common / Math.max(lx, ly),
    common / Math.min(lx, ly),
    lo(loose1, loose2),
    hi(loose1, loose2),
    Math.log1p(lo(cx.missing, cy.missing)),
    Math.log1p(hi(cx.missing, cy.missing)),
    x.chars.size + y.chars.size ? (2 * chars) / (x.chars.size + y.chars.size) : 1,
    (orderAgreement(x, y) + orderAgreement(y, x)) / 2,
    Math.log1p(numberMismatch),
    sharedNumbers > 0 ? 1 : 0,
    Math.log1p(lo(nx, ny)),
    Math.log1p(hi(nx, ny)),
    x.negations % 2 !== y.negations % 2 ? 1 : 0,
    Math.min(lx, ly) / Math.max(lx, ly),
    Math.log((lx + ly) / 2),
    lo(s1, s2),
    hi(s1, s2),
    // Each side has a number the other lacks: a changed figure, not an added detail.
    x.numbers.size > sharedNumbers && y.numbers.size > sharedNumbers ? 1 : 0,
  ]);
}
