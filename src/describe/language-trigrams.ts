// franc-min's language guess (same trigram models, same answers) with its models as integer tables, so one guess costs a few thousand array reads.
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

/** franc's constants: input cut, and the distance a trigram missing from a model adds. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptModels {
  /** Trigram -> id, over every model of the script. */
  ids: Map<string, number>;
  languages: string[];
  /** Per language, rank of each trigram id in its model, or -1. */
  ranks: Int32Array[];
}

let models: Map<string, ScriptModels> | undefined;

function loadModels(): Map<string, ScriptModels> {
  const byScript = new Map<string, ScriptModels>();
  for (const [script, languages] of Object.entries(data)) {
    const ids = new Map<string, number>();
    const lists = Object.entries(languages).map(([name, model]) => {
      const trigrams = model.split('|');
      for (const t of trigrams) if (!ids.has(t)) ids.set(t, ids.size);
      return [name, trigrams] as const;
    });
    const ranks = lists.map(([, trigrams]) => {
      const rank = new Int32Array(ids.size).fill(-1);
      // As franc builds its dictionaries: from the last weight down, so a repeated trigram keeps its first rank.
      for (let weight = trigrams.length - 1; weight >= 0; weight--) rank[ids.get(trigrams[weight]!)!] = weight;
      return rank;
    });
    byScript.set(script, { ids, languages: lists.map(([name]) => name), ranks });
  }
  return byScript;
}

/** The script whose characters occur most (first listed wins a tie), and its share, as franc picks it. */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topCount = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** Trigram counts of the cleaned value in franc's order: ascending count, ties in order of first appearance. */
function trigramTuples(value: string): [string, number][] {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const t = cleaned.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1]);
}

/** franc(value, { minLength }) of franc-min: an ISO 639-3 code, or 'und'. */
export function guessLanguage(value: string, minLength: number): string {
  if (!value || value.length < minLength) return 'und';
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  models ??= loadModels();
  const scriptModels = script === undefined ? undefined : models.get(script);
  if (!scriptModels) return !script || share === 0 ? 'und' : script;
  const tuples = trigramTuples(value);
  // franc's distance adds |count - rank - 1| for a trigram in the model (its quirk, kept), MAX_DIFFERENCE otherwise.
  const ids = tuples.map(([t]) => scriptModels.ids.get(t) ?? -1);
  const counts = tuples.map(([, c]) => c);
  let best = 'und';
  let bestDistance = Infinity;
  for (let l = 0; l < scriptModels.languages.length; l++) {
    const rank = scriptModels.ranks[l]!;
    let distance = 0;
    for (let i = 0; i < ids.length && distance < bestDistance; i++) {
      const id = ids[i]!;
      const r = id < 0 ? -1 : rank[id]!;
      distance += r < 0 ? MAX_DIFFERENCE : Math.abs(counts[i]! - r - 1);
    }
    if (distance < bestDistance) {
      bestDistance = distance;
      best = scriptModels.languages[l]!;
    }
  }
  return best;
}
