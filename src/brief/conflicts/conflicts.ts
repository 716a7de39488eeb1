// Conflicts between outlets: statements of different articles of one story that differ only in a number, date or name.
import { groupFacts, type Fact } from './grouping.js';
import { candidatePairs, statedByBoth, type PairFeatures, type SlotHandle, type SlotPair } from './pairing.js';
import { prepareArticle, type PreparedArticle } from './prepared.js';
import { splitSentences } from '../../text/sentences.js';
import { storyStats } from './story-stats.js';
import type { Slot } from './slots.js';
import { compareSlots, type Agreement } from './values.js';

export interface ConflictArticle {
  ref: number;
  text: string;
  /** ISO date or date-time of publication. */
  published?: string;
}

export interface ConflictSide {
  ref: number;
  /** JS string indices into the article's text: the differing value. */
  start: number;
  end: number;
  sentence: { start: number; end: number };
  /** Index into the conflict's `values` of the version this side states. */
  version?: number;
}

export type ConflictKind = 'number' | 'date' | 'name' | 'place';

export interface FoundConflict {
  kind: ConflictKind;
  minor: boolean;
  /** ≥ 2 sides in distinct articles; each version once, with every article holding it. */
  sides: ConflictSide[];
  values: string[];
  note?: string;
}

/**
 * Thresholds of the alignment rule, chosen on the planted dev stories (see eval/conflicts-dev.ts): for each slot type
 * the loosest setting on a coarse grid whose false conflicts stay within the budget, rounded to grid values.
 */
export const ALIGNMENT = {
  /** Sentences this similar (shared content words / the larger set) that also share a neighbour of the slot say the same thing. */
  sameSentence: 0.6,
  /** Otherwise a fact is recognised by weighted context words shared on the slot's own side … */
  numberNear: 1.5,
  dateNear: 1,
  nameNear: 2,
  /** … in sentences that share at least this much … */
  factOverlap: 0.2,
  /** … and by values no other article states side by side (more would mean two facts, not two versions). */
  numberBoth: 0,
  dateBoth: 0,
  nameBoth: 1,
  ageBoth: 1,
  /** Names need this much sentence overlap besides (they are everywhere). */
  nameOverlap: 0.3,
  /** Days (weekdays, month-days) of one event: weighted words shared by the sentences and the sentence after each. */
  eventNear: 3,
  /** Numbers in a sentence with this many figures need a near-copy sentence. */
  crowd: 3,
};

/**
 * When two slots of different articles state the same fact: the rule every candidate pair must pass. Numbers need
 * the same unit or noun (ages the same owner); names, which are everywhere, need both neighbours.
 */
export function aligned(a: Slot, b: Slot, f: PairFeatures): boolean {
  if (!f.unit) return false;
  const sameSentence = f.overlap >= ALIGNMENT.sameSentence && f.adjacent >= 1;
  if (a.type === 'number' && a.unit![0] === 'age') return f.both <= ALIGNMENT.ageBoth;
  if (a.type === 'number') {
    // In a sentence full of figures (results, statistics) any two of them look alike: only a near-copy counts.
    if (a.crowd! >= ALIGNMENT.crowd || b.crowd! >= ALIGNMENT.crowd) return sameSentence;
    return sameSentence || (f.both <= ALIGNMENT.numberBoth && f.weightedNear >= ALIGNMENT.numberNear && f.overlap >= ALIGNMENT.factOverlap);
  }
  if (a.type === 'date') {
    if (sameSentence) return true;
    if (f.both > ALIGNMENT.dateBoth) return false;
    // Weekdays: the event may be told in the next sentence ("Kim on Friday pledged … He made the announcement …").
    const weekdays = a.date!.weekday !== undefined && b.date!.weekday !== undefined;
    return (f.adjacent >= 1 && f.weightedNear >= ALIGNMENT.dateNear && f.overlap >= ALIGNMENT.factOverlap) || (weekdays && !f.ordinalsDiffer && f.extendedNear >= ALIGNMENT.eventNear);
  }
  return f.both <= ALIGNMENT.nameBoth && f.weightedNear >= ALIGNMENT.nameNear && f.overlap >= ALIGNMENT.nameOverlap && (f.adjacent >= 2 || sameSentence);
}

/** Pairs that are each slot's best counterpart in the other article (ties kept): alignment, not mere resemblance. */
export function mutualBest(pairs: readonly SlotPair[], articleCount: number): SlotPair[] {
  // Key: (article, slot, other article) as one number; slots per article stay far below 2^20.
  const keyOf = (article: number, slot: number, other: number) => (article * 1_048_576 + slot) * articleCount + other;
  const best = new Map<number, number>();
  const note = (key: number, score: number) => {
    const current = best.get(key);
    if (current === undefined || score > current) best.set(key, score);
  };
  for (const pair of pairs) {
    note(keyOf(pair.a.article, pair.a.slot, pair.b.article), pair.score);
    note(keyOf(pair.b.article, pair.b.slot, pair.a.article), pair.score);
  }
  return pairs.filter(
    (pair) => pair.score >= best.get(keyOf(pair.a.article, pair.a.slot, pair.b.article))! && pair.score >= best.get(keyOf(pair.b.article, pair.b.slot, pair.a.article))!,
  );
}

/** All versions are weekdays (no month-day) within one day of each other. */
function adjacentWeekdays(fact: Fact): boolean {
  const days = fact.versions.map((v) => v.slot.date!);
  if (days.some((d) => d.weekday === undefined || d.day !== undefined)) return false;
  const [x, y] = [Math.min(...days.map((d) => d.weekday!)), Math.max(...days.map((d) => d.weekday!))];
  return y - x === 1 || (x === 1 && y === 7);
}

function toConflict(articles: readonly PreparedArticle[], fact: Fact): FoundConflict {
  const first = fact.versions[0]!.slot;
  const kind: ConflictKind = first.type === 'name' ? (fact.sides.some((s) => s.slot.place) ? 'place' : 'name') : first.type;
  const sides: ConflictSide[] = fact.sides
    .map((side) => {
      const article = articles[side.article]!;
      const sentence = article.sentences[side.slot.sentence]!;
      return { ref: article.ref, start: side.slot.start, end: side.slot.end, sentence: { start: sentence.start, end: sentence.end }, version: side.version };
    })
    .sort((x, y) => x.version - y.version || x.ref - y.ref);
  const values = fact.versions.map((v) => articles[v.article]!.text.slice(v.slot.start, v.slot.end));
  let minor = fact.minor;
  let note: string | undefined = minor ? 'rounded or approximate figure against an exact one' : undefined;
  if (kind === 'date' && fact.sides.some((side) => side.slot.reportDay)) {
    minor = true;
    note = 'one side may give the day of the report, not of the event';
  } else if (kind === 'date' && adjacentWeekdays(fact)) {
    minor = true;
    note = 'days next to each other: one may be the day of the report or of another time zone';
  }
  return note ? { kind, minor, sides, values, note } : { kind, minor, sides, values };
}

/** Aligned slot pairs of the articles with the agreement of their values. */
export function alignedPairs(prepared: readonly PreparedArticle[], accept: typeof aligned): { pair: SlotPair; agreement: Agreement }[] {
  // Counterparts are chosen among all candidates of the same kind first, and only then judged: a slot whose real
  // counterpart states the same value must not be paired with a worse one that happens to pass the rule.
  const stats = storyStats(prepared);
  const { pairs } = candidatePairs(prepared, stats, (_a, _b, features) => features.unit);
  const slotOf = (h: SlotHandle) => prepared[h.article]!.slots[h.slot]!;
  // A value the other sentence states too is confirmed there, whatever else that sentence says.
  const statedIn = (h: SlotHandle, value: Slot) =>
    prepared[h.article]!.slots.some((other) => other.sentence === slotOf(h).sentence && other.type === value.type && compareSlots(other, value) === 'same');
  return mutualBest(pairs, prepared.length)
    .map((pair) => ({ pair, agreement: compareSlots(slotOf(pair.a), slotOf(pair.b)) }))
    .map(({ pair, agreement }) => ({ agreement, pair: agreement === 'same' ? pair : { ...pair, features: { ...pair.features, both: statedByBoth(stats, pair) } } }))
    .filter(({ pair }) => accept(slotOf(pair.a), slotOf(pair.b), pair.features))
    .filter(({ pair, agreement }) => agreement === 'same' || !(statedIn(pair.b, slotOf(pair.a)) || statedIn(pair.a, slotOf(pair.b))));
}

interface Copy {
  ref: number;
  /** Start of each of its sentences, by sentence text. */
  sentences: Map<string, number>;
}

/**
 * Articles in order, split into those with a sentence no earlier article has word for word, and copies: articles
 * every sentence of which an earlier one has (wire copies). A copy states what its originals state and adds no
 * version of its own, so conflicts are looked for among the others (ten copies of one wire text are one source of
 * a value, not ten) and copies join the sides that quote their sentences.
 */
function setCopiesApart(articles: readonly ConflictArticle[]): { originals: ConflictArticle[]; copies: Copy[] } {
  const seen = new Set<string>();
  const originals: ConflictArticle[] = [];
  const copies: Copy[] = [];
  for (const article of articles) {
    const sentences = new Map<string, number>();
    for (const span of splitSentences(article.text)) {
      const text = article.text.slice(span.start, span.end);
      if (!sentences.has(text)) sentences.set(text, span.start);
    }
    let novel = false;
    for (const text of sentences.keys()) {
      if (!seen.has(text)) {
        novel = true;
        seen.add(text);
      }
    }
    if (novel || sentences.size === 0) originals.push(article);
    else copies.push({ ref: article.ref, sentences });
  }
  return { originals, copies };
}

/** The conflict with a side added for each copy that has a side's sentence word for word (one side per article). */
function withCopies(conflict: FoundConflict, articles: ReadonlyMap<number, ConflictArticle>, copies: readonly Copy[]): FoundConflict {
  if (!copies.length) return conflict;
  const sides = [...conflict.sides];
  const present = new Set(sides.map((side) => side.ref));
  for (const side of conflict.sides) {
    const sentence = articles.get(side.ref)!.text.slice(side.sentence.start, side.sentence.end);
    for (const copy of copies) {
      const at = copy.sentences.get(sentence);
      if (at === undefined || present.has(copy.ref)) continue;
      present.add(copy.ref);
      const shift = at - side.sentence.start;
      sides.push({ ...side, ref: copy.ref, start: side.start + shift, end: side.end + shift, sentence: { start: at, end: at + sentence.length } });
    }
  }
  sides.sort((x, y) => (x.version ?? 0) - (y.version ?? 0) || x.ref - y.ref);
  return { ...conflict, sides };
}

/** The conflicts between the articles of one story, sorted by first side (article ref, offset). */
export function findConflicts(articles: ConflictArticle[]): FoundConflict[] {
  const readable = articles.filter((a) => typeof a.text === 'string' && a.text.length > 0);
  const { originals, copies } = setCopiesApart(readable);
  const prepared = originals.map((a) => prepareArticle(a.ref, a.text, a.published));
  if (prepared.length < 2) return [];
  const byRef = new Map(readable.map((a) => [a.ref, a]));
  const conflicts = groupFacts(prepared, alignedPairs(prepared, aligned)).map((fact) => withCopies(toConflict(prepared, fact), byRef, copies));
  return conflicts.sort((x, y) => x.sides[0]!.ref - y.sides[0]!.ref || x.sides[0]!.start - y.sides[0]!.start || x.kind.localeCompare(y.kind));
}
