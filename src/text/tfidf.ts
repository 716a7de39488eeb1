// TF-IDF vectors, cosine, document frequencies and the similarity of two term-count maps.

/** Unit TF-IDF vector of term counts, with smoothed idf from the index's running document frequencies. */
export function tfidf(counts: Map<string, number>, documents: number, df: Map<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (Math.log((documents + 1) / ((df.get(term) ?? 0) + 1)) + 1);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

/** Cosine of a unit vector with a centroid (normalised here). */
export function cosine(unit: Map<string, number>, centroid: Map<string, number>): number {
  let dot = 0;
  let norm = 0;
  for (const [term, weight] of centroid) {
    norm += weight * weight;
    const other = unit.get(term);
    if (other !== undefined) dot += other * weight;
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm);
}


/** Document frequencies over a set of term-count maps. */
export function documentFrequencies(documents: Iterable<Map<string, number>>): { documents: number; df: Map<string, number> } {
  const df = new Map<string, number>();
  let count = 0;
  for (const doc of documents) {
    count++;
    for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { documents: count, df };
}

/** Cosine of the TF-IDF vectors of two term-count maps under given document frequencies (0..1). */
export function termSimilarity(
  a: Map<string, number>,
  b: Map<string, number>,
  stats: { documents: number; df: Map<string, number> },
): number {
  const va = tfidf(a, stats.documents, stats.df);
  const vb = tfidf(b, stats.documents, stats.df);
  return Math.max(0, Math.min(1, cosine(va, vb)));
}
