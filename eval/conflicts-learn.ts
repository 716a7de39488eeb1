// Experiment (eval/conflicts-record.md): can a model learned over the candidate pairs' features beat the hand rule of
// src/brief/conflicts? L2 logistic regression, 5-fold cross-validation by story (story i in fold i mod 5), trained on
// the plant rows against control and other rows; each threshold reports the pairs scoring above it, their connected
// slots as conflicts, and the plants found (a plant or weak row selected) and conflicts per control story.
// Run: node dist/eval/conflicts-learn.js [lambda]
import { fitLogistic, predict } from './same-claim-fit.js';
import { conflictPairRows, type PairRow } from './conflicts-pairs.js';
import { createContext } from './context.js';

const n = (row: PairRow, key: string): number => Number(row[key]);
const b = (row: PairRow, key: string): number => (row[key] ? 1 : 0);

export const PAIR_FEATURES: [string, (row: PairRow) => number][] = [
  ['overlap', (r) => n(r, 'overlap')],
  ['weightedNear', (r) => n(r, 'weightedNear')],
  ['near', (r) => Math.min(n(r, 'near'), 6)],
  ['adjacent', (r) => n(r, 'adjacent')],
  ['extendedNear', (r) => Math.min(n(r, 'extendedNear'), 8)],
  ['ordinalsDiffer', (r) => b(r, 'ordinalsDiffer')],
  ['mutual', (r) => b(r, 'mutual')],
  ['statedIn', (r) => b(r, 'statedIn')],
  ['oneHolder', (r) => (Math.min(n(r, 'holdersA'), n(r, 'holdersB')) === 1 ? 1 : 0)],
  ['logMaxHolders', (r) => Math.log(1 + Math.max(n(r, 'holdersA'), n(r, 'holdersB')))],
  ['logBoth', (r) => Math.log(1 + n(r, 'bothStated'))],
  ['logArticles', (r) => Math.log(n(r, 'articles'))],
  ['number', (r) => (r.type === 'number' ? 1 : 0)],
  ['age', (r) => (r.type === 'age' ? 1 : 0)],
  ['date', (r) => (r.type === 'date' ? 1 : 0)],
  ['minor', (r) => b(r, 'minor')],
  ['reportDay', (r) => (r.reportA || r.reportB ? 1 : 0)],
  ['crowd', (r) => Math.min(n(r, 'crowd'), 6)],
  ['sameClaimModel', (r) => n(r, 'claim')],
  ['oneAgainstMany', (r) => (Math.min(n(r, 'holdersA'), n(r, 'holdersB')) === 1 && Math.max(n(r, 'holdersA'), n(r, 'holdersB')) >= 2 ? 1 : 0)],
];

function main(): void {
  const lambda = Number(process.argv[2] ?? 10);
  const { rows, truth } = conflictPairRows(createContext().dataDir);
  const features = rows.map((row) => PAIR_FEATURES.map(([, f]) => f(row)));
  const stories = [...new Set(rows.map((r) => String(r.story)))].sort();
  const fold = new Map(stories.map((s, i) => [s, i % 5]));
  const scores = new Float64Array(rows.length);
  for (let k = 0; k < 5; k++) {
    const train = rows.map((_r, i) => i).filter((i) => fold.get(String(rows[i]!.story)) !== k && ['plant', 'control', 'other'].includes(String(rows[i]!.label)));
    const model = fitLogistic(train.map((i) => features[i]!), train.map((i) => (rows[i]!.label === 'plant' ? 1 : 0)), lambda);
    rows.forEach((r, i) => {
      if (fold.get(String(r.story)) === k) scores[i] = predict(model, features[i]!);
    });
  }
  const controls = new Set(truth.controls);
  console.log(`${rows.length} disagreeing candidate pairs; plants reachable: ${new Set(rows.filter((r) => r.label === 'plant' || r.label === 'weak').map((r) => r.plant)).size} of ${truth.planted.length}`);
  console.log('threshold  found  number  date  name  control conflicts  per control story');
  for (const t of [0.5, 0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02]) {
    const found = new Set<string>();
    const parent = new Map<string, string>();
    const root = (x: string): string => {
      while (parent.get(x) !== x) x = parent.get(x)!;
      return x;
    };
    rows.forEach((r, i) => {
      if (scores[i]! < t) return;
      if (r.label === 'plant' || r.label === 'weak') found.add(String(r.plant));
      const a = `${r.story}|${r.ka}:${r.sla}`;
      const c = `${r.story}|${r.kb}:${r.slb}`;
      for (const x of [a, c]) if (!parent.has(x)) parent.set(x, x);
      const [ra, rc] = [root(a), root(c)];
      if (ra !== rc) parent.set(ra, rc);
    });
    const conflictRoots = new Set([...parent.keys()].filter((x) => controls.has(x.split('|')[0]!)).map(root));
    const kinds = { number: 0, date: 0, name: 0 } as Record<string, number>;
    for (const p of truth.planted) if (found.has(`${p.story}:${p.article}:${p.start}`)) kinds[p.kind]!++;
    console.log(
      [t.toFixed(2).padStart(9), String(found.size).padStart(6), String(kinds.number).padStart(7), String(kinds.date).padStart(5), String(kinds.name).padStart(5), String(conflictRoots.size).padStart(18), (conflictRoots.size / controls.size).toFixed(2).padStart(18)].join(' '),
    );
  }
}

main();
