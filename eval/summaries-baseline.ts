// TF-IDF centroid baseline for multi-document summaries (Radev et al.'s centroid idea, plainly): the sentences nearest the centroid.
import { sklearnTokens, sparseDot, tfidfVectors } from './metrics/sklearn-tfidf.js';

/** Sentences: split after . ! ? before a capital letter or a quote, or at line ends. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[A-Z0-9])/u)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4);
}


/**
 * The baseline: every sentence of every document as a TF-IDF vector (smooth idf over the event's sentences, l2
 * norm), the centroid their mean, sentences taken by cosine with the centroid, skipping one whose cosine with a
 * taken sentence is 0.8 or more (a repeat), until `limit` words; the result cut to `limit` words.
 */
export function centroidBaseline(documents: string[], limit: number): string {
  const sentences = documents.flatMap(sentencesOf);
  if (sentences.length === 0) return '';
  const vectors = tfidfVectors(sentences.map(sklearnTokens));
  const n = sentences.length;
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w / n);
  const dot = sparseDot;
  const order = vectors.map((v, i) => ({ i, score: dot(v, centroid) })).sort((x, y) => y.score - x.score || x.i - y.i);
  const taken: number[] = [];
  let words = 0;
  for (const { i } of order) {
    if (words >= limit) break;
    if (taken.some((j) => dot(vectors[i]!, vectors[j]!) >= 0.8)) continue;
    taken.push(i);
    words += sentences[i]!.split(/\s+/).length;
  }
  return taken
    .map((i) => sentences[i]!)
    .join(' ')
    .split(/\s+/)
    .slice(0, limit)
    .join(' ');
}
