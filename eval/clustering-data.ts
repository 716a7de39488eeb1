// The clustering dev sets as the evaluation and the weight learner read them: CLI input lines without gold, gold labels, the union.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One clustering data set: where it is and its published batch baseline. */
export interface ClusteringSet {
  dataset: string;
  files: { file: string; prefix: string }[];
  /** The data README's TF-IDF + agglomerative B-cubed F1, where one is published. */
  reference?: number;
}

export const CLUSTERING_SETS: ClusteringSet[] = [
  { dataset: 'ecbplus-dev', files: [{ file: 'ecbplus/ecbplus-dev.jsonl', prefix: '' }], reference: 0.873 },
  { dataset: 'uci-titles-dev', files: [{ file: 'uci/uci-titles-dev.jsonl', prefix: '' }], reference: 0.779 },
  // Both files as one stream: ids (and gold labels) get a prefix per file, so the sets cannot collide,
  // and B-cubed is taken over the union; a story mixing the two sets counts against precision.
  {
    dataset: 'ecbplus+uci-dev',
    files: [
      { file: 'ecbplus/ecbplus-dev.jsonl', prefix: 'ecb:' },
      { file: 'uci/uci-titles-dev.jsonl', prefix: 'uci:' },
    ],
  },
];

/** Gold fields that must never reach the CLI. */
const GOLD_FIELDS = new Set(['story', 'topic']);

export interface LoadedSet {
  /** JSONL lines for `cluster --input`, gold fields withheld. */
  inputLines: string[];
  /** Article id -> gold story. */
  gold: Map<string, string>;
}

/** The set's input lines and gold, or the path of the first absent file. */
export function loadClusteringSet(dataDir: string, set: ClusteringSet): LoadedSet | { absent: string } {
  const gold = new Map<string, string>();
  const inputLines: string[] = [];
  for (const { file, prefix } of set.files) {
    const path = join(dataDir, file);
    if (!existsSync(path)) return { absent: path };
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      const id = prefix + String(record.id);
      gold.set(id, prefix + String(record.story));
      const article: Record<string, unknown> = { id };
      for (const [key, value] of Object.entries(record)) {
        // Nulls (ECB+ has no url or title) are left out rather than sent as null fields.
        if (key !== 'id' && !GOLD_FIELDS.has(key) && value !== null && value !== undefined) article[key] = value;
      }
      inputLines.push(JSON.stringify(article));
    }
  }
  return { inputLines, gold };
}
