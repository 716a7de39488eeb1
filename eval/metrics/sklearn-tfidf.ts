// scikit-learn's TfidfVectorizer with its defaults, for the baselines: lower case, `(?u)\b\w\w+\b` tokens, raw
// counts, smooth idf (ln((1 + n) / (1 + df)) + 1), l2 norm.

/** Tokens as the default token pattern finds them (Unicode word characters, two or more). */
export function sklearnTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}\p{M}_]{2,}/gu) ?? [];
}

/** TF-IDF vectors of token lists fitted on those same lists (each list one document), l2-normalised. */
export function tfidfVectors(docs: readonly string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  return docs.map((tokens) => {
    const vector = new Map<string, number>();
    for (const t of tokens) vector.set(t, (vector.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [term, count] of vector) {
      const weight = count * (Math.log((1 + n) / (1 + df.get(term)!)) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/** Dot product of two sparse vectors (their cosine, for l2-normalised ones). */
export function sparseDot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}
