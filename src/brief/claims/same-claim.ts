// Whether two news sentences state the same claim: a logistic model over lexical pair features (data/same-claim-model.json).
import { dataLines } from '../../data-files.js';
import { align, expandedSize, expandFeatures, FEATURE_NAMES, pairFeatures, prepareClaim, type PreparedClaim } from './same-claim-features.js';

export { prepareClaim, type PreparedClaim } from './same-claim-features.js';

/**
 * The one decision threshold. The score is a probability fitted by log loss, so 0.5 is the threshold that
 * maximises expected accuracy; cross-validation on the training pairs finds no better one (data/README.md).
 */
export const SAME_CLAIM_THRESHOLD = 0.5;

/**
 * The most a pair scores when aligning it shows a changed figure, a changed name or an added negation and nothing
 * else beside it. MSRP's annotators call most such pairs paraphrases ("40 percent" / "43 percent"), so the model
 * learns to ignore them; for the brief they are two claims (and candidate conflicts), not one claim corroborated.
 */
export const CHANGED_CLAIM_CAP = 0.1;
/** Changes count only between sentences that otherwise align: the common subsequence covers this share of the longer. */
export const ALIGNED_SHARE = 0.7;

/** The pair in a fixed order (shorter first, then by stems), so that the alignment, and so the verdict, is symmetric. */
function ordered(x: PreparedClaim, y: PreparedClaim): [PreparedClaim, PreparedClaim] {
  if (x.stems.length !== y.stems.length) return x.stems.length < y.stems.length ? [x, y] : [y, x];
  for (let i = 0; i < x.stems.length; i++) if (x.stems[i] !== y.stems[i]) return x.stems[i]! < y.stems[i]! ? [x, y] : [y, x];
  return [x, y];
}

/**
 * What differs between two sentences that otherwise align (ALIGNED_SHARE): a figure, a name, a negation. All false
 * when the sentences differ more widely. For conflict finding, a pair with a change is one claim told two ways.
 */
export function claimChanges(x: PreparedClaim, y: PreparedClaim): { number: boolean; name: boolean; negation: boolean } {
  const [first, second] = ordered(x, y);
  const alignment = align(first, second);
  if (alignment.common < ALIGNED_SHARE * Math.max(first.stems.length, second.stems.length)) return { number: false, name: false, negation: false };
  return { number: alignment.numberChanged, name: alignment.nameChanged, negation: alignment.negationAdded };
}

/** A model probability with CHANGED_CLAIM_CAP applied when the pair shows a change (eval applies it to cross-validated scores too). */
export function capChangedClaim(score: number, x: PreparedClaim, y: PreparedClaim): number {
  if (score <= CHANGED_CLAIM_CAP) return score;
  const changes = claimChanges(x, y);
  return changes.number || changes.name || changes.negation ? CHANGED_CLAIM_CAP : score;
}

/** The model file as eval/train-same-claim.ts writes it: weights over the expanded standardised features. */
interface ModelFile {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

let model: { mean: Float64Array; scale: Float64Array; weights: Float64Array; bias: number; buffer: Float64Array } | undefined;

function load(): NonNullable<typeof model> {
  if (model) return model;
  // dataLines drops blank lines and trims; what is left of a JSON file is still the same JSON.
  const file = JSON.parse(dataLines('same-claim-model.json').join('\n')) as ModelFile;
  const expected = FEATURE_NAMES.join(',');
  if (file.features.join(',') !== expected || file.weights.length !== expandedSize(FEATURE_NAMES.length)) {
    throw new Error(`same-claim: expecting data/same-claim-model.json for features ${expected}, instead found ${file.features.join(',')}; rerun eval/train-same-claim`);
  }
  const size = expandedSize(FEATURE_NAMES.length);
  model = { mean: Float64Array.from(file.mean), scale: Float64Array.from(file.scale), weights: Float64Array.from(file.weights), bias: file.bias, buffer: new Float64Array(size) };
  return model;
}

/**
 * The model's probability (0..1) that two prepared sentences say the same, without the cap for a changed figure,
 * name or negation: how closely two sentences tell one thing, whatever value they give it (conflict finding).
 */
export function modelScore(x: PreparedClaim, y: PreparedClaim): number {
  const { mean, scale, weights, bias, buffer } = load();
  const features = expandFeatures(pairFeatures(x, y), mean, scale, buffer);
  let z = bias;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** Probability (0..1) that two prepared sentences state the same claim: the model's, capped for a changed figure, name or negation. */
export function scorePrepared(x: PreparedClaim, y: PreparedClaim): number {
  return capChangedClaim(modelScore(x, y), x, y);
}

/** Probability (0..1) that sentences `a` and `b` state the same claim; prepare once with prepareClaim for many pairs. */
export function sameClaimScore(a: string, b: string): number {
  return scorePrepared(prepareClaim(a), prepareClaim(b));
}

/** The verdict at SAME_CLAIM_THRESHOLD with its score; sentences may come prepared (prepareClaim) when they recur. */
export function sameClaim(a: string | PreparedClaim, b: string | PreparedClaim): { sameClaim: boolean; score: number } {
  const score = scorePrepared(typeof a === 'string' ? prepareClaim(a) : a, typeof b === 'string' ? prepareClaim(b) : b);
  return { sameClaim: score >= SAME_CLAIM_THRESHOLD, score };
}
