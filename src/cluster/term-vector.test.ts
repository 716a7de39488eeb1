// Tests for the typed term vectors: pair features from them equal, to the last bit, the features computed over the Maps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../test/seeded-random.js';
import { pairFeatures } from './assign.js';
import { VIEWS } from './features.js';

/** The features as first written, straight over the Maps (the reference the typed path must match exactly). */
function referenceFeatures(vector: Map<string, number>, terms: number, story: Map<string, number>, size: number): number[] {
  const dot: Record<string, number> = {};
  const shared: Record<string, number> = {};
  const norm: Record<string, number> = {};
  for (const [term, weight] of story) {
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
  const c: Record<string, { cos: number; both: boolean; shared: number }> = {};
  for (const view of VIEWS) {
    const both = present.has(view) && norm[view] !== undefined;
    const k = present.get(view) ?? 0;
    const sparse = view === 'n' || view === 'd' ? k / (k + 1) : 1;
    c[view] = { cos: both && dot[view] ? sparse * Math.min(1, dot[view]! / Math.sqrt(norm[view]!)) : 0, both, shared: shared[view] ?? 0 };
  }
  const missing = (from: Map<string, number>, other: Map<string, number>, view: string): number => {
    let all = 0;
    let lacking = 0;
    for (const [term, weight] of from) {
      if (term[0] !== view) continue;
      all += weight * weight;
      if (!other.has(term)) lacking += weight * weight;
    }
    return all === 0 ? 0 : lacking / all;
  };
  const years = (v: Map<string, number>): Set<string> => new Set([...v.keys()].filter((k) => /^d:(19|20)\d\d$/.test(k)));
  const ya = years(vector);
  const ys = years(story);
  const short = Math.max(0, 1 - Math.log(Math.max(1, terms)) / Math.log(400));
  return [
    c.w!.cos, c.t!.cos, c.n!.cos, c.d!.cos,
    c.n!.both ? 1 : 0, c.d!.both ? 1 : 0,
    c.w!.shared === 1 ? 1 : 0,
    ya.size > 0 && ys.size > 0 && ![...ya].some((y) => ys.has(y)) ? 1 : 0,
    c.w!.cos * short, c.n!.cos * short,
    0,
    (c.w!.cos * Math.log(Math.max(1, size))) / Math.log(1000),
    c.n!.both ? missing(vector, story, 'n') : 0,
    c.n!.both ? missing(story, vector, 'n') : 0,
    c.d!.both ? missing(vector, story, 'd') : 0,
    c.d!.both ? missing(story, vector, 'd') : 0,
  ];
}

test('pair features over typed term vectors equal the features over the Maps, bit for bit', () => {
  const random = seededRandom(7);
  const vocabulary = [
    ...Array.from({ length: 60 }, (_, i) => `w:word${i}`),
    ...Array.from({ length: 20 }, (_, i) => `t:word${i}`),
    ...Array.from({ length: 20 }, (_, i) => `n:name${i}`),
    ...['d:2008', 'd:2013', 'd:1999', 'd:44', 'd:3.5', 'd:jan-12'],
  ];
  const vectorOf = (n: number): Map<string, number> => {
    const v = new Map<string, number>();
    while (v.size < n) v.set(vocabulary[Math.floor(random() * vocabulary.length)]!, random() * 2);
    return v;
  };
  const article = vectorOf(40);
  const stories = Array.from({ length: 200 }, () => vectorOf(1 + Math.floor(random() * 60)));
  for (const [i, story] of stories.entries()) {
    // The same article against many stories (as the Clusterer scores candidates), and now and then a new article.
    const a = i % 50 === 49 ? vectorOf(1 + Math.floor(random() * 10)) : article;
    assert.deepEqual(pairFeatures(a, 30, undefined, { vector: story, size: i + 1 }), referenceFeatures(a, 30, story, i + 1), `story ${i}`);
  }
  // An article with no names or numbers, and a story sharing nothing.
  const plain = new Map([['w:word1', 1]]);
  const other = new Map([['w:word2', 1], ['n:name3', 0.5]]);
  assert.deepEqual(pairFeatures(plain, 1, undefined, { vector: other, size: 1 }), referenceFeatures(plain, 1, other, 1));
});
