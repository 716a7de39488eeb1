// Entity evaluation (MEANTIME): exact / lenient / identical mention F1 and cross-document merging B-cubed, via `newsfuse entities`.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { cliFailure, jsonLines, readDataJsonl, type Evaluate } from './context.js';
import { bcubed } from './metrics/bcubed.js';
import { addMatchCounts, matchDocument, mentionScores, normaliseType, type GoldName, type MatchCounts, type SystemName } from './metrics/entity-match.js';
import type { EvalOutcome } from './types.js';

interface MeantimeDoc {
  id: string;
  topic: string;
  published?: string;
  text: string;
  scored_until: number;
  entities: GoldName[];
  neutral: [number, number][];
}

const EMPTY: MatchCounts = { gold: 0, system: 0, exact: 0, lenient: 0, identical: 0 };

/** System mentions of one document as the scorer takes them: known types, starting before `scored_until`. */
function scoredMentions(doc: MeantimeDoc, raw: unknown): SystemName[] {
  if (!Array.isArray(raw)) return [];
  const result: SystemName[] = [];
  for (const value of raw) {
    const m = value as { start?: unknown; end?: unknown; type?: unknown; name?: unknown };
    const type = typeof m.type === 'string' ? normaliseType(m.type) : undefined;
    if (!type || typeof m.start !== 'number' || typeof m.end !== 'number' || m.start >= doc.scored_until) continue;
    result.push({ start: m.start, end: m.end, type, ...(typeof m.name === 'string' ? { name: m.name } : {}) });
  }
  return result;
}

/** Mention scores of a system over all documents, and its merging B-cubed over the lenient matches (own names and identical strings). */
function score(docs: MeantimeDoc[], systems: SystemName[][]) {
  let counts = EMPTY;
  const gold = new Map<string, string>();
  const ours = new Map<string, string>();
  const sameString = new Map<string, string>();
  docs.forEach((doc, d) => {
    const system = systems[d] ?? [];
    const match = matchDocument(doc.entities, system, doc.neutral);
    counts = addMatchCounts(counts, match.counts);
    for (const [si, gi] of match.lenient) {
      const item = `${d}:${si}`;
      const g = doc.entities[gi]!;
      gold.set(item, g.instance ? `${doc.topic}|${g.instance}` : `alone:${d}:${gi}`);
      const s = system[si]!;
      if (s.name) ours.set(item, `${doc.topic}|${s.name}`);
      sameString.set(item, `${doc.topic}|${doc.text.slice(s.start, s.end)}`);
    }
  });
  return { counts, merge: bcubed(ours, gold), identicalMerge: bcubed(sameString, gold), items: gold.size };
}

/** compromise's people(), organizations() and places() as mentions: the off-the-shelf reference. */
function compromiseMentions(doc: MeantimeDoc): SystemName[] {
  const parsed = nlp(doc.text);
  const result: SystemName[] = [];
  const add = (view: { json: (options: object) => unknown[] }, type: string) => {
    for (const item of view.json({ offset: true }) as { offset: { start: number; length: number }; text: string }[]) {
      // compromise's text may carry trailing punctuation; keep the span to the trimmed words.
      const text = doc.text.slice(item.offset.start, item.offset.start + item.offset.length);
      const trimmed = text.replace(/[\s,.;:!?'"()]+$/u, '');
      if (item.offset.start < doc.scored_until && trimmed) result.push({ start: item.offset.start, end: item.offset.start + trimmed.length, type });
    }
  };
  add(parsed.people(), 'PER');
  add(parsed.organizations(), 'ORG');
  add(parsed.places(), 'LOC');
  return result;
}

export const evaluate: Evaluate = async (ctx) => {
  const dataset = 'meantime-dev';
  const task = 'entities';
  const file = join(ctx.dataDir, 'entities', 'meantime-dev.jsonl');
  if (!existsSync(file)) return [{ dataset, task, reason: `no file ${file}` }];
  const started = Date.now();
  const docs = readDataJsonl<MeantimeDoc>(file);
  const input = join(ctx.tmpDir, 'meantime-entities-input.jsonl');
  writeFileSync(input, docs.map((doc) => JSON.stringify({ id: doc.id, text: doc.text, published: doc.published })).join('\n') + '\n');
  const result = await ctx.cli(['entities', '--input', input]);
  if (result.code !== 0) return [{ dataset, task, reason: cliFailure('entities', result) }];
  const { rows, malformed } = jsonLines(result.stdout);
  const byId = new Map(rows.map((row) => [String(row.id), row.entities]));
  const systems = docs.map((doc) => scoredMentions(doc, byId.get(doc.id)));
  const ms = Date.now() - started;
  const ours = score(docs, systems);
  const baseline = score(docs, docs.map(compromiseMentions));

  // Scale check from the data README: the gold names as mentions, merged by identical core strings (0.847 there).
  const goldItems = new Map<string, string>();
  const goldStrings = new Map<string, string>();
  docs.forEach((doc, d) =>
    doc.entities.forEach((g, gi) => {
      goldItems.set(`${d}:${gi}`, g.instance ? `${doc.topic}|${g.instance}` : `alone:${d}:${gi}`);
      goldStrings.set(`${d}:${gi}`, `${doc.topic}|${doc.text.slice(g.core[0], g.core[1])}`);
    }),
  );
  const goldIdentical = bcubed(goldStrings, goldItems);

  const mentionOurs = mentionScores(ours.counts);
  const mentionBaseline = mentionScores(baseline.counts);
  const outcomes: EvalOutcome[] = [
    {
      dataset,
      task: 'entity mentions',
      metrics: { ...mentionOurs, system: ours.counts.system, gold: ours.counts.gold, documents: rows.length },
      reference: { ...mentionBaseline, system: baseline.counts.system, gold: baseline.counts.gold },
      referenceLabel: 'compromise people/organizations/places',
      ms,
    },
    {
      dataset,
      task: 'entity merging',
      metrics: {
        mergeBcubedP: ours.merge.precision,
        mergeBcubedR: ours.merge.recall,
        mergeBcubedF1: ours.merge.f1,
        items: ours.items,
      },
      reference: {
        mergeBcubedP: ours.identicalMerge.precision,
        mergeBcubedR: ours.identicalMerge.recall,
        mergeBcubedF1: ours.identicalMerge.f1,
        items: ours.items,
      },
      referenceLabel: 'identical strings, same mentions',
      ms,
      note: `gold names merged by identical core strings: B-cubed F1 ${goldIdentical.f1.toFixed(3)} (README: 0.847)`,
    },
  ];
  if (malformed) (outcomes[0] as { note?: string }).note = `${malformed} output lines were not JSON objects`;
  return outcomes;
};
