// Dev runner for conflicts: findConflicts in-process over the planted ECB+ stories, scored with the eval's metric;
// `--verbose` lists found and missed plants and the conflicts reported in controls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALIGNMENT, findConflicts } from '../src/brief/conflicts/conflicts.js';
import { createContext, readDataJsonl } from './context.js';
import { baselineConflicts, type ConflictStory } from './conflicts.js';
import { findsPlant, scoreConflicts, type ConflictTruth, type ReportedConflict } from './metrics/conflict-match.js';

const ctx = createContext();
// NEWSFUSE_CONFLICT_ALIGNMENT='{"numberNear":1}' tries other thresholds (the grid search of the tuning procedure).
if (process.env.NEWSFUSE_CONFLICT_ALIGNMENT) Object.assign(ALIGNMENT, JSON.parse(process.env.NEWSFUSE_CONFLICT_ALIGNMENT) as Partial<typeof ALIGNMENT>);
const verbose = process.argv.includes('--verbose');
const majorOnly = process.argv.includes('--major');
const stories = readDataJsonl<ConflictStory>(join(ctx.dataDir, 'conflicts', 'ecbplus-dev-stories.jsonl'));
const truth = JSON.parse(readFileSync(join(ctx.dataDir, 'conflicts', 'ecbplus-dev-truth.json'), 'utf8')) as ConflictTruth;
const reported = new Map<string, (ReportedConflict & { values: string[]; minor: boolean })[]>();
let ms = 0;
let slowest = 0;
for (const story of stories) {
  const started = performance.now();
  const found = findConflicts(story.articles.map((a, i) => ({ ref: i, text: a.text, published: a.published ?? undefined })));
  const took = performance.now() - started;
  ms += took;
  slowest = Math.max(slowest, took);
  reported.set(
    story.id,
    found
      .filter((c) => !majorOnly || !c.minor)
      .map((c) => ({
        kind: c.kind,
        minor: c.minor,
        values: c.values,
        sides: c.sides.map((s) => ({ article: story.articles[s.ref]!.id, start: s.start, end: s.end, text: story.articles[s.ref]!.text.slice(s.start, s.end) })),
      })),
  );
}
const articlesOf = (id: string) => new Set(stories.find((s) => s.id === id)?.articles.map((a) => a.id) ?? []);
const ours = scoreConflicts(truth, reported, articlesOf);
const baseline = scoreConflicts(truth, new Map(stories.map((s) => [s.id, baselineConflicts(s)])), articlesOf);
console.log('metric'.padEnd(26), 'ours'.padStart(8), 'baseline'.padStart(9));
for (const key of Object.keys(ours) as (keyof typeof ours)[]) console.log(key.padEnd(26), ours[key].toFixed(3).padStart(8), baseline[key].toFixed(3).padStart(9));
console.log(`findConflicts: ${ms.toFixed(0)} ms over ${stories.length} stories, slowest ${slowest.toFixed(0)} ms`);
const controlKinds: Record<string, number> = {};
for (const story of truth.controls) for (const c of reported.get(story) ?? []) controlKinds[c.kind] = (controlKinds[c.kind] ?? 0) + 1;
console.log(`control conflicts by kind: ${JSON.stringify(controlKinds)}`);
if (verbose) {
  const textOf = (id: string) => stories.flatMap((s) => s.articles).find((a) => a.id === id)!.text;
  const sentenceAround = (text: string, start: number) => text.slice(Math.max(0, start - 80), start + 80).replace(/\s+/g, ' ');
  for (const plant of truth.planted) {
    const hit = (reported.get(plant.story) ?? []).find((c) => findsPlant(c, plant));
    console.log(`${hit ? 'FOUND' : 'MISS '} ${plant.kind} ${plant.story} ${plant.old} -> ${plant.new}${hit ? ` (${hit.kind}${hit.minor ? ', minor' : ''})` : ''} | ${sentenceAround(textOf(plant.article), plant.start)}`);
  }
  const show = (label: string, story: string) => {
    for (const c of reported.get(story) ?? []) {
      console.log(`${label} ${story} ${c.kind}${c.minor ? ' minor' : ''} ${JSON.stringify(c.values)}`);
      for (const s of c.sides.slice(0, 3)) console.log(`     ${s.article}: ${sentenceAround(textOf(s.article), s.start)}`);
    }
  };
  for (const story of truth.controls) show('CONTROL', story);
  for (const story of new Set(truth.planted.map((p) => p.story))) {
    const plants = truth.planted.filter((p) => p.story === story);
    for (const c of reported.get(story) ?? []) {
      if (plants.some((p) => findsPlant(c, p) || c.sides.some((s) => s.article === p.article))) continue;
      console.log(`STRAY ${story} ${c.kind}${c.minor ? ' minor' : ''} ${JSON.stringify(c.values)}`);
      for (const s of c.sides.slice(0, 3)) console.log(`     ${s.article}: ${sentenceAround(textOf(s.article), s.start)}`);
    }
  }
}
