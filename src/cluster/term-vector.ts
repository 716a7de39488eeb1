// Term vectors as typed arrays over interned term ids, so an article is scored against dozens of story centroids without string-keyed lookups.
import { VIEWS } from './features.js';

/** Index of a view in VIEWS (w 0, t 1, n 2, d 3); any other prefix is slot 4, counted nowhere. */
export const VIEW_SLOTS = VIEWS.length + 1;
const slotOf = (term: string): number => {
  const c = term.charCodeAt(0);
  return c === 119 ? 0 : c === 116 ? 1 : c === 110 ? 2 : c === 100 ? 3 : 4;
};

/**
 * A vector's terms in its Map's order (every sum below runs in that order, so the figures are the ones
 * a walk over the Map gives, to the last bit), with per-view squared norms, term counts and year terms.
 */
export interface TermVector {
  epoch: number;
  ids: Int32Array;
  weights: Float64Array;
  slots: Uint8Array;
  /** Per view slot: the sum of squared weights, and the number of terms. */
  norm: Float64Array;
  count: Int32Array;
  /** Positions (into ids) of the name and number terms, in order, for the missing-mass features. */
  names: Int32Array;
  numbers: Int32Array;
  /** Ids of the year terms (d:1900 .. d:2099). */
  years: Int32Array;
}

/** Distinct terms interned before the table is dropped (ids and every vector made from them are then remade). */
const MAX_TERMS = 2_000_000;
const YEAR = /^d:(19|20)\d\d$/;

let termIds = new Map<string, number>();
let epoch = 0;
/** Vectors are replaced, never changed in place (a story's centroid is a new Map after each join), so a Map's form is made once. */
let made = new WeakMap<Map<string, number>, TermVector>();

/** Marks and weights of one vector at a time, indexed by term id: "is term t in it" is one array read. */
let markA = new Uint32Array(1024);
let weightA = new Float64Array(1024);
let markB = new Uint32Array(1024);
let stampA = 0;
let stampB = 0;
let markedA: TermVector | undefined;

function idOf(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(term, id);
  }
  return id;
}

/** The typed form of a vector, made once per Map. */
export function termVector(vector: Map<string, number>): TermVector {
  const known = made.get(vector);
  if (known && known.epoch === epoch) return known;
  if (termIds.size + vector.size > MAX_TERMS) {
    termIds = new Map();
    made = new WeakMap();
    markedA = undefined;
    epoch++;
  }
  const n = vector.size;
  const ids = new Int32Array(n);
  const weights = new Float64Array(n);
  const slots = new Uint8Array(n);
  const norm = new Float64Array(VIEW_SLOTS);
  const count = new Int32Array(VIEW_SLOTS);
  const names: number[] = [];
  const numbers: number[] = [];
  const years: number[] = [];
  let i = 0;
  for (const [term, weight] of vector) {
    const slot = slotOf(term);
    ids[i] = idOf(term);
    weights[i] = weight;
    slots[i] = slot;
    norm[slot] += weight * weight;
    count[slot]!++;
    if (slot === 2) names.push(i);
    else if (slot === 3) {
      numbers.push(i);
      if (YEAR.test(term)) years.push(ids[i]!);
    }
    i++;
  }
  const out: TermVector = { epoch, ids, weights, slots, norm, count, names: Int32Array.from(names), numbers: Int32Array.from(numbers), years: Int32Array.from(years) };
  made.set(vector, out);
  return out;
}

function grow(size: number): void {
  if (size <= markA.length) return;
  let length = markA.length;
  while (length < size) length *= 2;
  const a = new Uint32Array(length);
  a.set(markA);
  markA = a;
  const w = new Float64Array(length);
  w.set(weightA);
  weightA = w;
  const b = new Uint32Array(length);
  b.set(markB);
  markB = b;
}

/** Next stamp of a mark array; at wrap-around the array is cleared, so an old stamp never reads as current. */
function nextStamp(stamp: number, marks: Uint32Array): number {
  if (stamp < 0xffffffff) return stamp + 1;
  marks.fill(0);
  return 1;
}

/** The article side of a comparison: marked once, then compared with any number of centroids. */
function markArticle(a: TermVector): void {
  if (markedA === a) return;
  grow(termIds.size);
  stampA = nextStamp(stampA, markA);
  for (let i = 0; i < a.ids.length; i++) {
    markA[a.ids[i]!] = stampA;
    weightA[a.ids[i]!] = a.weights[i]!;
  }
  markedA = a;
}

/** What the pair features read off an article vector against a centroid. */
export interface PairTerms {
  article: TermVector;
  story: TermVector;
  /** Per view slot: the dot product over shared terms (0 when none), shared term counts. */
  dot: Float64Array;
  shared: Int32Array;
  /** All shared terms, over every view. */
  sharedAll: number;
  /** The squared weight, per view, of the centroid's name (2) and number (3) terms the article lacks, and the article's the centroid lacks. */
  storyMissing: Float64Array;
  articleMissing: Float64Array;
  /** Both name a year and share none. */
  yearClash: boolean;
}

const result: PairTerms = {
  article: undefined as unknown as TermVector,
  story: undefined as unknown as TermVector,
  dot: new Float64Array(VIEW_SLOTS),
  shared: new Int32Array(VIEW_SLOTS),
  sharedAll: 0,
  storyMissing: new Float64Array(VIEW_SLOTS),
  articleMissing: new Float64Array(VIEW_SLOTS),
  yearClash: false,
};

/**
 * An article vector against a centroid, in one walk over the centroid (the order `viewCosines` walks it) and one
 * over the article's names and numbers. The result is reused by the next call: read it before calling again.
 */
export function comparePair(article: Map<string, number>, story: Map<string, number>): PairTerms {
  let s = termVector(story);
  const a = termVector(article);
  // Making the article's form may have dropped the term table: the centroid's is then remade under the new ids.
  if (s.epoch !== a.epoch) s = termVector(story);
  grow(termIds.size);
  markArticle(a);
  stampB = nextStamp(stampB, markB);
  const { dot, shared, storyMissing, articleMissing } = result;
  dot.fill(0);
  shared.fill(0);
  storyMissing.fill(0);
  articleMissing.fill(0);
  let sharedAll = 0;
  for (let i = 0; i < s.ids.length; i++) {
    const id = s.ids[i]!;
    const slot = s.slots[i]!;
    const weight = s.weights[i]!;
    markB[id] = stampB;
    if (markA[id] === stampA) {
      dot[slot] += weightA[id]! * weight;
      shared[slot]!++;
      sharedAll++;
    } else if (slot === 2 || slot === 3) storyMissing[slot] += weight * weight;
  }
  for (const i of a.names) if (markB[a.ids[i]!] !== stampB) articleMissing[2] += a.weights[i]! * a.weights[i]!;
  for (const i of a.numbers) if (markB[a.ids[i]!] !== stampB) articleMissing[3] += a.weights[i]! * a.weights[i]!;
  let yearClash = a.years.length > 0 && s.years.length > 0;
  if (yearClash) for (const id of a.years) if (markB[id] === stampB) yearClash = false;
  result.article = a;
  result.story = s;
  result.sharedAll = sharedAll;
  result.yearClash = yearClash;
  return result;
}
