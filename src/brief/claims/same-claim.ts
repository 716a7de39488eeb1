// Whether two news sentences state the same claim: a logistic model over lexical pair features (data/same-claim-model.json).
import { dataLines } from '../../data-files.js';
import { FEATURE_NAMES, pairFeatures, prepareClaim, type PreparedClaim } from './same-claim-features.js';

export { prepareClaim, type PreparedClaim } from './same-claim-features.js';

/**
 * The one decision threshold. The score is a probability fitted by log loss, so 0.5 is the threshold that
 * maximises expected accuracy; cross-validation on the training pairs finds no better one (data/README.md).
 */
export const SAME_CLAIM_THRESHOLD = 0.5;

/** The model file as eval/train-same-claim.ts writes it (weights over standardised features). */
interface ModelFile {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** Weights folded with the standardisation, so a score is one dot product. */
let model: { weights: Float64Array; bias: number } | undefined;

function load(): { weights: Float64Array; bias: number } {
  if (model) return model;
  // dataLines drops blank lines and trims; what is left of a JSON file is still the same JSON.
  const file = JSON.parse(dataLines('same-claim-model.json').join('\n')) as ModelFile;
  const expected = FEATURE_NAMES.join(',');
  if (file.features.join(',') !== expected) {
    throw new Error(`same-claim: expecting data/same-claim-model.json for features ${expected}, instead found ${file.features.join(',')}; rerun eval/train-same-claim`);
  }
  const weights = new Float64Array(file.weights.length);
  let bias = file.bias;
  file.weights.forEach((w, i) => {
    weights[i] = w / file.scale[i]!;
    bias -= (w * file.mean[i]!) / file.scale[i]!;
  });
  model = { weights, bias };
  return model;
}

/** Probability (0..1) that two prepared sentences state the same claim. */
export function scorePrepared(x: PreparedClaim, y: PreparedClaim): number {
  const { weights, bias } = load();
  const features = pairFeatures(x, y);
  let z = bias;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
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
