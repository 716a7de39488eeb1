// Features of a sentence pair for the same-claim model: word, n-gram and order overlap, numbers, names, negation.
import { stemmer } from 'stemmer';
import { dataLines } from '../../data-files.js';
import { tokenize } from '../../text/tokens.js';
import { synsetsOf } from './same-claim-wordnet.js';

/** One sentence made ready for scoring against many others (each sentence is prepared once). */
export interface PreparedClaim {
  /** Stems of all word tokens, in order. */
  stems: string[];
  /** Per token: NUMBER, NAME, NEGATION and FUNCTION bits. */
  kinds: Uint8Array;
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
  /** Initials of runs of capitalised words (`sec` for Securities and Exchange Commission): another spelling of a name. */
  acronyms: Set<string>;
  /** WordNet synsets of each content word (parallel to `content`), and all of them together. */
  contentSynsets: (readonly number[])[];
  synsets: Set<number>;
}

let stopwords: Set<string> | undefined;
const stop = (): Set<string> => (stopwords ??= new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))));

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot']);
const NUMBER = /\d+(?:[.,]\d+)*/g;
const PREFIX = 5;
const NUMBER_TOKEN = 1;
const NAME_TOKEN = 2;
const NEGATION_TOKEN = 4;
const FUNCTION_TOKEN = 8;

/** Number words as digits, so that `seven cents` meets `7 cents` (one is left alone: it is a pronoun as often). */
const NUMBER_WORDS = new Map(
  ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((word, i) => [word, String(i + 2)]),
);
/** Words that may sit inside a name without breaking its run of capitals (Bureau of Alcohol, Tobacco and Firearms). */
const NAME_JOINERS = new Set(['of', 'and', 'for', 'the', 'de']);

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
  const kinds = new Uint8Array(tokens.length);
  const prefixes = new Set<string>();
  const contentSynsets: (readonly number[])[] = [];
  const synsets = new Set<number>();
  let negations = 0;
  const acronyms = new Set<string>();
  let run: string[] = [];
  const endRun = (): void => {
    for (let i = 0; i < run.length; i++) for (let j = i + 2; j <= Math.min(run.length, i + 6); j++) acronyms.add(run.slice(i, j).join(''));
    run = [];
  };
  tokens.forEach((token, index) => {
    const number = NUMBER_WORDS.get(token.norm) ?? /^(\d+)(?:st|nd|rd|th)$/.exec(token.norm)?.[1];
    const norm = number ?? token.norm;
    const stem = number ?? stemOf(norm);
    stems.push(stem);
    const initial = text.charCodeAt(token.start);
    if (initial >= 65 && initial <= 90) run.push(norm[0]!);
    else if (!NAME_JOINERS.has(norm)) endRun();
    const negation = NEGATIONS.has(norm) || norm.endsWith("n't");
    if (negation) {
      negations++;
      kinds[index]! |= NEGATION_TOKEN;
    }
    if (/^\d/.test(norm)) kinds[index]! |= NUMBER_TOKEN;
    const isStop = number === undefined && (stop().has(norm) || NEGATIONS.has(norm));
    if (isStop) {
      kinds[index]! |= FUNCTION_TOKEN;
      return;
    }
    content.push(stem);
    const senses = /\d/.test(norm) ? [] : synsetsOf(norm);
    contentSynsets.push(senses);
    for (const id of senses) synsets.add(id);
    if (norm.length >= PREFIX && !/\d/.test(norm)) prefixes.add(norm.slice(0, PREFIX));
    const first = text.charCodeAt(token.start);
    if (index > 0 && first >= 65 && first <= 90) {
      names.push(stem);
      kinds[index]! |= NAME_TOKEN;
    }
  });
  endRun();
  const numbers = new Set<string>();
  for (const match of text.matchAll(NUMBER)) numbers.add(normaliseNumber(match[0].replace(/[.,]$/, '')));
  const joined = ` ${tokens.map((t) => t.norm).join(' ')} `;
  const chars = new Set<string>();
  for (let i = 0; i + 4 <= joined.length; i++) chars.add(joined.slice(i, i + 4));
  return {
    stems,
    kinds,
    content,
    contentSet: new Set(content),
    stemSet: new Set(stems),
    prefixes,
    grams: [ngrams(stems, 2), ngrams(stems, 3), ngrams(stems, 4)],
    numbers,
    names,
    negations,
    chars,
    acronyms,
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

/** What an LCS alignment of two stem sequences leaves: its length, and the changes made between the same two anchors. */
export interface Alignment {
  common: number;
  /** Between the same two anchors, numbers only, each side with one the other sentence lacks: a changed figure. */
  numberChanged: boolean;
  /** Between the same two anchors, names only, each side with one the other lacks (and no acronym of it): another person, place or body. */
  nameChanged: boolean;
  /** A negation added with no content word changed beside it (`would raise` / `would not raise`), the negations' parity differing. */
  negationAdded: boolean;
}

/** Whether the edit distance of two words is at most `limit`. */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/** Whether a name of one sentence is in the other under another spelling: the same stem, an acronym, or one or two letters off. */
function nameKnown(stem: string, other: PreparedClaim): boolean {
  if (other.stemSet.has(stem) || other.acronyms.has(stem)) return true;
  if (stem.length < 5) return false;
  const limit = stem.length >= 8 ? 2 : 1;
  return other.names.some((name) => withinEdits(stem, name, limit));
}

/** Two spellings of one name: the same letters once punctuation is gone (O'Neill's / ONeills), or the same first four. */
function sameSpelling(a: string[], b: string[]): boolean {
  const p = a.join('').replace(/[^a-z0-9]/g, '');
  const q = b.join('').replace(/[^a-z0-9]/g, '');
  return p === q || (p.length >= 4 && q.length >= 4 && p.slice(0, 4) === q.slice(0, 4));
}

/** Whether the letters of `short` are the initials of `words` (ECB / European Central Bank). */
function isAcronym(short: string[], words: string[]): boolean {
  return short.length === 1 && words.length > 1 && short[0]!.length === words.length && words.every((w, i) => w[0] === short[0]![i]);
}

/** The LCS alignment of two sentences' stems and the changes it shows (symmetric in its verdicts). */
export function align(x: PreparedClaim, y: PreparedClaim): Alignment {
  const a = x.stems;
  const b = y.stems;
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      table[i * width + j] = ai === b[j - 1] ? table[(i - 1) * width + j - 1]! + 1 : Math.max(table[(i - 1) * width + j]!, table[i * width + j - 1]!);
    }
  }
  const result: Alignment = { common: table[n * width + m]!, numberChanged: false, nameChanged: false, negationAdded: false };
  // Walk back through the table; each stretch between two matched tokens is a gap pair.
  let i = n;
  let j = m;
  let gapA = 0;
  let gapB = 0;
  let bitsA = 0;
  let bitsB = 0;
  // Per gap: content tokens that are neither numbers nor names, and the new numbers and names (surface forms).
  let otherA = false;
  let otherB = false;
  const numbersA: string[] = [];
  const numbersB: string[] = [];
  const namesA: string[] = [];
  const namesB: string[] = [];
  let contentA = false;
  let contentB = false;
  const close = (): void => {
    if (gapA + gapB > 0) {
      if (numbersA.length && numbersB.length && !otherA && !otherB && !namesA.length && !namesB.length) result.numberChanged = true;
      if (namesA.length && numbersA.length + numbersB.length === 0 && namesB.length && !otherA && !otherB && !isAcronym(namesA, namesB) && !isAcronym(namesB, namesA) && !sameSpelling(namesA, namesB)) {
        result.nameChanged = true;
      }
      const negA = (bitsA & NEGATION_TOKEN) !== 0;
      const negB = (bitsB & NEGATION_TOKEN) !== 0;
      if (negA !== negB && !contentA && !contentB && x.negations % 2 !== y.negations % 2) result.negationAdded = true;
    }
    gapA = gapB = bitsA = bitsB = 0;
    otherA = otherB = contentA = contentB = false;
    numbersA.length = numbersB.length = namesA.length = namesB.length = 0;
  };
  const take = (side: PreparedClaim, other: PreparedClaim, k: number, isA: boolean): void => {
    const kind = side.kinds[k]!;
    const stem = side.stems[k]!;
    if (isA) {
      gapA++;
      bitsA |= kind;
    } else {
      gapB++;
      bitsB |= kind;
    }
    if (kind & FUNCTION_TOKEN) return;
    const fresh = !other.stemSet.has(stem);
    const numbers = isA ? numbersA : numbersB;
    const names = isA ? namesA : namesB;
    if (isA) contentA = true;
    else contentB = true;
    if (kind & NUMBER_TOKEN) {
      if (fresh) numbers.push(stem);
    } else if (kind & NAME_TOKEN) {
      // A lone capital (the U of U.S.) is no name to compare.
      if (fresh && stem.length > 1 && !nameKnown(stem, other)) names.push(stem);
    } else if (isA) otherA = true;
    else otherB = true;
  };
  const takeA = (k: number): void => take(x, y, k, true);
  const takeB = (k: number): void => take(y, x, k, false);
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && table[i * width + j] === table[(i - 1) * width + j - 1]! + 1) {
      close();
      i--;
      j--;
    } else if (j > 0 && (i === 0 || table[i * width + j - 1]! >= table[(i - 1) * width + j]!)) takeB(--j);
    else takeA(--i);
  }
  close();
  return result;
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
  const alignment = align(x, y);
  const common = alignment.common;
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

/** Size of the expansion of `base` features: the standardised values, then every product of two (squares included). */
export const expandedSize = (base: number): number => base + (base * (base + 1)) / 2;

/**
 * The model's input: standardised features z, then z[i] * z[j] for i <= j. The products let a linear model say
 * "high overlap counts less when the sentences differ in length", which lifts cross-validated accuracy by about 1 point.
 */
export function expandFeatures(base: ArrayLike<number>, mean: ArrayLike<number>, scale: ArrayLike<number>, out?: Float64Array): Float64Array {
  const d = base.length;
  const result = out ?? new Float64Array(expandedSize(d));
  for (let i = 0; i < d; i++) result[i] = (base[i]! - mean[i]!) / scale[i]!;
  let k = d;
  for (let i = 0; i < d; i++) {
    const zi = result[i]!;
    for (let j = i; j < d; j++) result[k++] = zi * result[j]!;
  }
  return result;
}
