// The default near-duplicate threshold, one constant for `dupes`, ingest and their tests (kept apart so the CLI can read it without loading a stage).

/**
 * Least Jaccard similarity of two articles' 5-word shingle sets for a near duplicate: exact Jaccard
 * in `dupes`, the MinHash estimate of it when ingest checks stored articles. 0.8 is where
 * republished wire copies with small edits sit (and the threshold a datasketch MinHashLSH user picks).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
