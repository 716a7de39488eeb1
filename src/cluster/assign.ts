// Incremental story assignment: each article joins the candidate story a learned pair model rates most likely, or starts one.
import type { Article } from '../article.js';
import { timeOf } from '../article.js';
import { dataLines } from '../data-files.js';
import type { StoryCentroid, StoryIndex } from '../store/store.js';
import { articleStoryTerms, VIEWS, viewOf, type View } from './features.js';
import { comparePair, type PairTerms } from './term-vector.js';

/**
 * A logistic model of "this article belongs to this story" over the features of `pairFeatures`
 * (FEATURE_NAMES order), learned on dev data by eval/learn-cluster-weights.ts.
 */
export interface JoinModel {
  intercept: number;
  coefficients: Record<string, number>;
}

export interface ClusterOptions {
  model: JoinModel;
  /** Least model probability to join the best candidate story; below it the article starts a story. */
  joinProbability: number;
  /**
   * The same bar for a story of one article, when higher: a wrong pair of two articles seeds a story that
   * draws in both events' reports, so the first join needs more evidence than the later ones.
   */
  singleJoinProbability?: number;
  /**
   * The plain content-word cosine bar of a single-pass TF-IDF clusterer: the bench's naive baseline
   * clusters with it. Not used by the Clusterer.
   */
  threshold: number;
  /**
   * The evidence floor: whatever the model says, an article joins a story only when its content cosine
   * reaches `floorFactor` times the plain clusterer's bar for its length (`plainThreshold`: `threshold`
   * for `longTerms` distinct terms or more, `shortThreshold` for `shortTerms` or fewer, log-interpolated).
   */
  floorFactor: number;
  shortThreshold: number;
  shortTerms: number;
  longTerms: number;
  /** Terms of an article used to look up candidate stories (content words; names get half as many more). */
  queryTerms: number;
  /** Candidate stories compared per article. */
  candidates: number;
  /** Content terms kept in a story centroid (other views keep a quarter as many each), and the number it is indexed under. */
  centroidTerms: number;
  indexTerms: number;
  /** Stories whose latest article is more than this many days older than the article are not candidates. */
  horizonDays: number;
  /**
   * Least model probability, of a grown story's centroid against another story, to merge the two (0 or
   * undefined: stories are never merged). Only stories of at least `mergeSize` articles are compared.
   */
  mergeProbability?: number;
  mergeSize?: number;
  /** The model of "these two stories are one", over the same features (a grown story's centroid as the article side). */
  mergeModel?: JoinModel;
}

/** The pair features, in the order the model's coefficients are read. */
export const FEATURE_NAMES = [
  // cosine of each view, article vs story centroid (0 when either side lacks the view)
  'cos_w',
  'cos_t',
  'cos_n',
  'cos_d',
  // both sides have names / numbers: with a low cosine, evidence of two different events
  'both_n',
  'both_d',
  // the article shares only one content term with the story: one word in common is chance as often as not
  'one_shared',
  // both sides name a year and share none (a 2008 event is not its 2013 namesake)
  'year_clash',
  // content cosine scaled by how short the article is (headline only: 1 for one content term, 0 from 400 on,
  // log scale): short texts share fewer words by nature. There is no main effect of shortness: with few
  // shared words, a short article is no more likely to belong to a story than a long one (a main effect let
  // "Home team wins the cup" join a flood story over "home" and "team").
  'cos_w_short',
  'cos_n_short',
  // days between the article and the story's span beyond the first day, log scale (0 when either has no
  // time); within a day nothing is read from time (news of one story spans days). Not learned: no dev set
  // spans days within a story, so its weight is the prior FIXED_COEFFICIENTS.gap.
  'gap',
  // content cosine scaled by story size (log scale, 1 at 1000 articles): a big story's centroid is smoother,
  // so the same cosine says more. Like every non-penalty feature, it is 0 when nothing is shared.
  'cos_w_size',
  // the share of the article's name mass (its unit name vector, squared weights) on names the story's
  // centroid lacks, and the same of the story's name mass on names the article lacks: the people and
  // places an article is about are named again and again, so a report of another event of the same kind
  // (another actor's rehab, another coach's firing) leaves most of either side's names unmatched.
  // 0 when either side has no names.
  'miss_n_article',
  'miss_n_story',
  // the same for numbers and dates (a toll, a score, a year).
  'miss_d_article',
  'miss_d_story',
] as const;

/**
 * Coefficients the weight learner does not fit, because the dev data cannot show them: a story's pull
 * falls by e^-4 over a year beyond its span, e^-2.3 at a month, e^-1.2 at a week.
 */
export const FIXED_COEFFICIENTS: Readonly<Record<string, number>> = { gap: -4 };

/** Tuned values (data/cluster-weights.json, written by eval/learn-cluster-weights.ts). */
export function loadClusterOptions(): ClusterOptions {
  const learned = JSON.parse(dataLines('cluster-weights.json').join('\n')) as Partial<ClusterOptions>;
  const options = { ...FALLBACK_OPTIONS, ...learned };
  return { ...options, model: { ...options.model, coefficients: { ...options.model.coefficients, ...FIXED_COEFFICIENTS } } };
}

/** Used for any value the data file leaves out (the model: content cosine against 0.2, as the plain clusterer). */
const FALLBACK_OPTIONS: ClusterOptions = {
  model: { intercept: -4, coefficients: { cos_w: 20 } },
  joinProbability: 0.5,
  threshold: 0.2,
  floorFactor: 1,
  shortThreshold: 0.09,
  shortTerms: 8,
  longTerms: 60,
  queryTerms: 15,
  candidates: 40,
  centroidTerms: 120,
  indexTerms: 25,
  horizonDays: 30,
};

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = loadClusterOptions();

export interface Assignment {
  story: number;
  /** Model probability for the story joined; 0 for a new story. */
  similarity: number;
  isNew: boolean;
}

const DAY = 86_400_000;
/** Merges chained after one article joins a story (each merged story may reach one more). */
const MERGE_ROUNDS = 3;

const byWeight = (x: [string, number], y: [string, number]): number => y[1] - x[1] || (x[0] < y[0] ? -1 : 1);

/** The `n` strongest entries of a vector whose key is in `view`. */
function strongestOf(vector: Map<string, number>, view: View, n: number): [string, number][] {
  const entries: [string, number][] = [];
  for (const entry of vector) if (entry[0][0] === view) entries.push(entry);
  return entries.sort(byWeight).slice(0, n);
}

/** Number of distinct content terms. */
export const contentSize = (counts: Map<string, number>): number => {
  let n = 0;
  for (const key of counts.keys()) if (viewOf(key) === 'w') n++;
  return n;
};

/**
 * TF-IDF of prefixed term counts, each view normalised to unit length on its own (smoothed idf from
 * running document frequencies), so that a view's cosine does not depend on how many terms the others have.
 */
export function viewVectors(counts: Map<string, number>, documents: number, df: Map<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  const norms = new Map<string, number>();
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (Math.log((documents + 1) / ((df.get(term) ?? 0) + 1)) + 1);
    vector.set(term, weight);
    norms.set(term[0]!, (norms.get(term[0]!) ?? 0) + weight * weight);
  }
  for (const [term, weight] of vector) vector.set(term, weight / Math.sqrt(norms.get(term[0]!)!));
  return vector;
}

/** A vector with each view scaled to unit length (a centroid compared as if it were an article). */
function unitViews(vector: Map<string, number>): Map<string, number> {
  const norms = new Map<string, number>();
  for (const [term, weight] of vector) norms.set(term[0]!, (norms.get(term[0]!) ?? 0) + weight * weight);
  return new Map([...vector].map(([term, weight]) => [term, weight / Math.sqrt(norms.get(term[0]!)!)]));
}

/** Per view, the cosine of a unit view vector with a centroid, and whether each side has the view at all. */
function viewCosines(vector: Map<string, number>, centroid: Map<string, number>): Record<View, { cos: number; both: boolean; shared: number }> {
  const dot: Record<string, number> = {};
  const shared: Record<string, number> = {};
  const norm: Record<string, number> = {};
  for (const [term, weight] of centroid) {
    const view = term[0]!;
    norm[view] = (norm[view] ?? 0) + weight * weight;
    const other = vector.get(term);
    if (other !== undefined) {
      dot[view] = (dot[view] ?? 0) + other * weight;
      shared[view] = (shared[view] ?? 0) + 1;
    }
  }
  const present = new Map<string, number>();
  for (const term of vector.keys()) present.set(term[0]!, (present.get(term[0]!) ?? 0) + 1);
  const out = {} as Record<View, { cos: number; both: boolean; shared: number }>;
  for (const view of VIEWS) {
    const both = present.has(view) && norm[view] !== undefined;
    // A view of one or two terms is unit length by itself: one shared name or figure would be full agreement.
    // Such cosines count k/(k+1) of themselves (k terms in the article's view) for names and numbers.
    const k = present.get(view) ?? 0;
    const sparse = view === 'n' || view === 'd' ? k / (k + 1) : 1;
    out[view] = { cos: both && dot[view] ? sparse * Math.min(1, dot[view]! / Math.sqrt(norm[view]!)) : 0, both, shared: shared[view] ?? 0 };
  }
  return out;
}

/** What the model knows of a story besides its centroid. */
export interface StorySide {
  vector: Map<string, number>;
  size: number;
  firstSeen?: number;
  lastSeen?: number;
}

/** The features of an article (view vectors, content-term count, time) against a story, in FEATURE_NAMES order. */
export function pairFeatures(vector: Map<string, number>, terms: number, time: number | undefined, story: StorySide): number[] {
  return featuresOf(comparePair(vector, story.vector), terms, time, story);
}

/** Slots of the views in a term vector's per-view arrays (VIEWS order). */
const W = 0;
const T = 1;
const N = 2;
const D = 3;

/**
 * The pair features from one comparison of the article's and the story's term vectors. Every figure is
 * summed in the order a walk over the vectors' Maps gives (term-vector.ts), so the features are the same
 * to the last bit as when computed from the Maps.
 */
function featuresOf(p: PairTerms, terms: number, time: number | undefined, story: StorySide): number[] {
  const { article, story: centroid } = p;
  const both = (slot: number): boolean => article.count[slot]! > 0 && centroid.count[slot]! > 0;
  const cos = (slot: number): number => {
    // A view of one or two terms is unit length by itself: one shared name or figure would be full agreement.
    // Such cosines count k/(k+1) of themselves (k terms in the article's view) for names and numbers.
    const k = article.count[slot]!;
    const sparse = slot === N || slot === D ? k / (k + 1) : 1;
    const dot = p.dot[slot]!;
    return both(slot) && dot ? sparse * Math.min(1, dot / Math.sqrt(centroid.norm[slot]!)) : 0;
  };
  /** The share of one side's squared weight in a view on terms the other lacks (0 when it has none). */
  const missing = (lacking: number, all: number): number => (all === 0 ? 0 : lacking / all);
  const cw = cos(W);
  const cn = cos(N);
  const short = Math.max(0, 1 - Math.log(Math.max(1, terms)) / Math.log(400));
  const timed = time !== undefined && story.firstSeen !== undefined && story.lastSeen !== undefined;
  const gapDays = timed ? Math.max(0, Math.max(0, story.firstSeen! - time!, time! - story.lastSeen!) / DAY - 1) : 0;
  const bothN = both(N);
  const bothD = both(D);
  return [
    cw,
    cos(T),
    cn,
    cos(D),
    bothN ? 1 : 0,
    bothD ? 1 : 0,
    p.shared[W] === 1 ? 1 : 0,
    p.yearClash ? 1 : 0,
    cw * short,
    cn * short,
    Math.log1p(gapDays) / Math.log(366),
    (cw * Math.log(Math.max(1, story.size))) / Math.log(1000),
    bothN ? missing(p.articleMissing[N]!, article.norm[N]!) : 0,
    bothN ? missing(p.storyMissing[N]!, centroid.norm[N]!) : 0,
    bothD ? missing(p.articleMissing[D]!, article.norm[D]!) : 0,
    bothD ? missing(p.storyMissing[D]!, centroid.norm[D]!) : 0,
  ];
}

/** The model's probability for a feature row. */
export function joinProbabilityOf(features: readonly number[], model: JoinModel): number {
  let weights = coefficientRows.get(model.coefficients);
  if (!weights) coefficientRows.set(model.coefficients, (weights = FEATURE_NAMES.map((name) => model.coefficients[name] ?? 0)));
  let z = model.intercept;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** A model's coefficients in FEATURE_NAMES order, read once per coefficients object (options are replaced, not changed in place). */
const coefficientRows = new WeakMap<Record<string, number>, number[]>();

/** A story centroid from a sum of member vectors: the strongest terms of each view. */
function centroidOf(sum: Map<string, number>, options: ClusterOptions): Map<string, number> {
  const other = Math.ceil(options.centroidTerms / 4);
  const byView = new Map<string, [string, number][]>(VIEWS.map((view) => [view, []]));
  for (const entry of sum) byView.get(entry[0][0]!)?.push(entry);
  const centroid = new Map<string, number>();
  for (const view of VIEWS) {
    const strongest = byView.get(view)!.sort(byWeight);
    const n = Math.min(strongest.length, view === 'w' ? options.centroidTerms : other);
    for (let i = 0; i < n; i++) centroid.set(strongest[i]![0], strongest[i]![1]);
  }
  return centroid;
}

/** A candidate story with its pair features, as the Clusterer saw it (the weight learner's training rows). */
export interface Candidate {
  story: StoryCentroid;
  features: number[];
  probability: number;
  /** Terms of any view the article shares with the story's centroid. */
  shared: number;
}

/**
 * Fewest terms an article must share with a story to join it whatever the model says, over all views (a
 * word shared by the titles counts as a content word and a title word, a name as a word and a name): one
 * or two body words in common ("officials", "said") are chance as often as not, and a model fitted on dev
 * sets where most candidates are right would otherwise let them glue unrelated short articles together.
 * Chosen on the dev sets among 2 and 3 (UCI B-cubed F1 0.822 at 2, 0.842 at 3; ECB+ the same).
 */
export const MIN_SHARED_TERMS = 3;

/** The plain single-pass clusterer's content-cosine bar for an article with `terms` distinct content terms. */
export function plainThreshold(terms: number, options: ClusterOptions): number {
  if (terms <= options.shortTerms) return options.shortThreshold;
  if (terms >= options.longTerms) return options.threshold;
  const t = Math.log(terms / options.shortTerms) / Math.log(options.longTerms / options.shortTerms);
  return options.shortThreshold + t * (options.threshold - options.shortThreshold);
}

/** The join bar for a story: higher for a story of one article (a wrong pair seeds a glued story). */
function joinBar(story: StoryCentroid, options: ClusterOptions): number {
  return story.size <= 1 ? Math.max(options.joinProbability, options.singleJoinProbability ?? 0) : options.joinProbability;
}

/** Whether a candidate clears the evidence rules (shared terms, cosine floor) that the model cannot override. */
export function joinable(candidate: Pick<Candidate, 'features' | 'shared'>, terms: number, options: ClusterOptions): boolean {
  return candidate.shared >= MIN_SHARED_TERMS && candidate.features[0]! >= options.floorFactor * plainThreshold(terms, options);
}

/** Terms of the article vector found in the centroid, in every view. */
function sharedTerms(vector: Map<string, number>, centroid: Map<string, number>): number {
  let n = 0;
  for (const term of vector.keys()) if (centroid.has(term)) n++;
  return n;
}

/** Assigns articles to stories one at a time, through a StoryIndex. */
export class Clusterer {
  constructor(
    private readonly index: StoryIndex,
    readonly options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
  ) {}

  /** Assign one prepared article (the one entry point of ingest and `cluster`). */
  assignArticle(article: Article, copyOf?: number): Promise<Assignment> {
    return this.assign(articleStoryTerms(article), timeOf(article), copyOf);
  }

  /** The view vectors of an article's story terms under the index's document frequencies, counting it first. */
  async vectorOf(counts: Map<string, number>): Promise<Map<string, number>> {
    const terms = [...counts.keys()];
    await this.index.addDocument(terms);
    const { documents, df } = await this.index.frequencies(terms);
    return viewVectors(counts, documents, df);
  }

  /** Candidate stories of an article's vector from the index, each with its features and probability, best first. */
  async candidates(vector: Map<string, number>, terms: number, time: number | undefined): Promise<Candidate[]> {
    const o = this.options;
    const query = [...strongestOf(vector, 'w', o.queryTerms), ...strongestOf(vector, 'n', Math.ceil(o.queryTerms / 2))].map(([term]) => term);
    const since = time === undefined ? undefined : time - o.horizonDays * DAY;
    return (await this.index.candidates(query, o.candidates, since))
      .map((story) => {
        const pair = comparePair(vector, story.vector);
        const features = featuresOf(pair, terms, time, story);
        return { story, features, probability: joinProbabilityOf(features, o.model), shared: pair.sharedAll };
      })
      .sort((x, y) => y.probability - x.probability || x.story.id - y.story.id);
  }

  /**
   * Assign one article, given its story terms (features.ts) and publish time (epoch ms), and update the index.
   * `copyOf`: the story of an article this one copies (an exact or near duplicate found by fingerprint), which
   * it joins whenever that story is among its candidates, whatever the model says: a copy is its original's story.
   */
  async assign(counts: Map<string, number>, time?: number, copyOf?: number): Promise<Assignment> {
    const vector = await this.vectorOf(counts);
    const terms = contentSize(counts);
    const candidates = await this.candidates(vector, terms, time);
    const original = copyOf === undefined ? undefined : candidates.find((c) => c.story.id === copyOf);
    const best = original ?? candidates.find((c) => joinable(c, terms, this.options));
    if (best && (best === original || best.probability >= joinBar(best.story, this.options))) {
      await this.join(best.story, vector, time);
      let story = best.story.id;
      // A merged story may now reach another: heal until nothing merges (a few rounds at most).
      for (let round = 0, current: StoryCentroid | undefined = best.story; round < MERGE_ROUNDS && current; round++) {
        current = await this.heal(current);
        if (current) story = current.id;
      }
      return { story, similarity: best.probability, isNew: false };
    }
    return { story: await this.startStory(vector, time), similarity: 0, isNew: true };
  }

  /** Stories merged into others: merged id -> the story that took its articles. */
  readonly mergedInto = new Map<number, number>();

  /** The story an id now stands for (itself unless it was merged). */
  resolve(id: number): number {
    let current = id;
    for (let next = this.mergedInto.get(current); next !== undefined; next = this.mergedInto.get(current)) current = next;
    return current;
  }

  /** After a story grew: merge it with the candidate story the model rates most likely, when that clears the merge bar. */
  async heal(story: StoryCentroid): Promise<StoryCentroid | undefined> {
    const o = this.options;
    if (!o.mergeProbability || story.size < (o.mergeSize ?? 2)) return undefined;
    const best = (await this.mergeCandidates(story))[0];
    if (!best || best.probability < o.mergeProbability) return undefined;
    const [into, from] = best.story.size >= story.size ? [best.story, story] : [story, best.story];
    const sum = new Map(into.vector);
    for (const [term, weight] of from.vector) sum.set(term, (sum.get(term) ?? 0) + weight);
    into.vector = centroidOf(sum, o);
    into.size += from.size;
    if (from.firstSeen !== undefined) into.firstSeen = into.firstSeen === undefined ? from.firstSeen : Math.min(into.firstSeen, from.firstSeen);
    if (from.lastSeen !== undefined) into.lastSeen = into.lastSeen === undefined ? from.lastSeen : Math.max(into.lastSeen, from.lastSeen);
    await this.save(into);
    await this.index.mergeStory(from.id, into.id);
    this.mergedInto.set(from.id, into.id);
    return into;
  }

  /** Stories a grown story could merge with, each with its features and merge-model probability, best first. */
  async mergeCandidates(story: StoryCentroid): Promise<Candidate[]> {
    const o = this.options;
    const unit = unitViews(story.vector);
    const terms = contentSize(story.vector);
    const model = o.mergeModel ?? o.model;
    return (await this.candidates(unit, terms, story.lastSeen))
      .filter((c) => c.story.id !== story.id && c.story.size >= (o.mergeSize ?? 2) && joinable(c, terms, o))
      .map((c) => ({ ...c, probability: joinProbabilityOf(c.features, model) }))
      .sort((x, y) => y.probability - x.probability || x.story.id - y.story.id);
  }

  /** A new story holding one article's vector. */
  async startStory(vector: Map<string, number>, time: number | undefined): Promise<number> {
    const story: StoryCentroid = { id: await this.index.newStoryId(), vector: new Map(), size: 0 };
    await this.join(story, vector, time);
    return story.id;
  }

  /** Add an article's vector to a story and re-index it. */
  async join(story: StoryCentroid, vector: Map<string, number>, time: number | undefined): Promise<void> {
    const sum = new Map(story.vector);
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
    const o = this.options;
    story.vector = centroidOf(sum, o);
    story.size++;
    if (time !== undefined) {
      story.firstSeen = story.firstSeen === undefined ? time : Math.min(story.firstSeen, time);
      story.lastSeen = story.lastSeen === undefined ? time : Math.max(story.lastSeen, time);
    }
    await this.save(story);
  }

  private async save(story: StoryCentroid): Promise<void> {
    const o = this.options;
    const indexTerms = [...strongestOf(story.vector, 'w', o.indexTerms), ...strongestOf(story.vector, 'n', Math.ceil(o.indexTerms / 2))];
    await this.index.saveStory(story, indexTerms.map(([term]) => term));
  }
}

/**
 * The evidence of the views, 0..1: the cosines of the views both sides have, weighed by the model's
 * (positive) coefficients and divided by the sum of those weights, so that identical texts score 1 and
 * texts sharing no term 0. The content view always counts.
 */
function viewScore(vector: Map<string, number>, story: Map<string, number>, model: JoinModel, crossLanguage = false): number {
  const c = viewCosines(vector, story);
  // Across languages only names and figures can match; the words of the two texts cannot.
  const lexical = !crossLanguage || !(c.n.both || c.d.both);
  let sum = 0;
  let weights = 0;
  for (const view of VIEWS) {
    if (!lexical && (view === 'w' || view === 't')) continue;
    if (view !== 'w' && !c[view].both) continue;
    const weight = Math.max(0, model.coefficients[`cos_${view}`] ?? 0);
    sum += weight * c[view].cos;
    weights += weight;
  }
  return weights === 0 ? 0 : sum / weights;
}

/**
 * The `similarity` of two articles, both counted in `index` before (document frequencies): the view
 * evidence (`viewScore`) of each against a one-article story of the other (its centroid as `join` makes
 * it), averaged; `sameStory` when the join model's probability, averaged the same way, reaches the bar
 * and each clears the evidence rules against the other: the decision `Clusterer.assign` makes.
 */
export async function pairSimilarity(
  index: StoryIndex,
  a: Map<string, number>,
  b: Map<string, number>,
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
  crossLanguage = false,
): Promise<{ similarity: number; sameStory: boolean }> {
  const { documents, df } = await index.frequencies([...new Set([...a.keys(), ...b.keys()])]);
  const va = viewVectors(a, documents, df);
  const vb = viewVectors(b, documents, df);
  const ca = centroidOf(va, options);
  const cb = centroidOf(vb, options);
  const fa = pairFeatures(va, contentSize(a), undefined, { vector: cb, size: 1 });
  const fb = pairFeatures(vb, contentSize(b), undefined, { vector: ca, size: 1 });
  const pa = joinProbabilityOf(fa, options.model);
  const pb = joinProbabilityOf(fb, options.model);
  const similarity = Math.min(1, (viewScore(va, cb, options.model, crossLanguage) + viewScore(vb, ca, options.model, crossLanguage)) / 2);
  const evidence =
    joinable({ features: fa, shared: sharedTerms(va, cb) }, contentSize(a), options) && joinable({ features: fb, shared: sharedTerms(vb, ca) }, contentSize(b), options);
  return { similarity, sameStory: evidence && (pa + pb) / 2 >= options.joinProbability };
}
