// Pair similarity scores: runs `newsfuse similarity` on SemEval-2022 Task 8 pairs, Pearson against −Overall.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFailure, jsonLines, type Evaluate } from './context.js';
import { baselineSimilarity } from './clustering-baseline.js';
import { parseCsvRecords } from './csv.js';
import { pearson } from './metrics/pearson.js';
import type { EvalOutcome } from './types.js';

const DATASET = 'sts22-dev';
const TASK = 'similarity';

export const evaluate: Evaluate = async (ctx) => {
  const path = join(ctx.dataDir, 'sts22', 'pairs-dev.csv');
  if (!existsSync(path)) return [{ dataset: DATASET, task: TASK, reason: `data file absent: ${path}` }];
  const started = performance.now();

  const records = parseCsvRecords(readFileSync(path, 'utf8'));
  /** Gold per pair: Overall is 1 (same story) .. 4 (unrelated), so −Overall rises with similarity. */
  const pairs = new Map<string, { negOverall: number; enEn: boolean }>();
  const texts: { a: string; b: string }[] = [];
  const inputLines: string[] = [];
  // 40 pair_ids occur twice in the dev file with different texts; the second and later get `#<row>` so that
  // every line has its own id (and its articles their own ids).
  const seen = new Set<string>();
  records.forEach((record, row) => {
    const pairId = String(record.pair_id);
    const suffix = seen.has(pairId) ? `#${row + 1}` : '';
    seen.add(pairId);
    const id = pairId + suffix;
    const overall = Number(record.Overall);
    if (!Number.isFinite(overall)) throw new Error(`sts22: expecting a number in Overall for pair ${id}, instead found ${JSON.stringify(record.Overall)}`);
    pairs.set(id, { negOverall: -overall, enEn: record.lang1 === 'en' && record.lang2 === 'en' });
    texts.push({ a: String(record.text1 ?? ''), b: String(record.text2 ?? '') });
    // pair_id is "<article id 1>_<article id 2>".
    const [idA = `${pairId}-a`, idB = `${pairId}-b`] = pairId.split('_');
    inputLines.push(
      JSON.stringify({
        id,
        a: { id: idA + suffix, text: record.text1, language: record.lang1 },
        b: { id: idB + suffix, text: record.text2, language: record.lang2 },
      }),
    );
  });
  const inputFile = join(ctx.tmpDir, `${DATASET}.pairs.jsonl`);
  writeFileSync(inputFile, inputLines.join('\n') + '\n');

  const result = await ctx.cli(['similarity', '--input', inputFile]);
  if (result.code !== 0) return [{ dataset: DATASET, task: TASK, reason: cliFailure('similarity', result) }];

  const similarity = new Map<string, number>();
  const parsed = jsonLines(result.stdout);
  let unreadable = parsed.malformed;
  for (const row of parsed.rows as { id?: unknown; similarity?: unknown }[]) {
    const value = typeof row.similarity === 'number' ? row.similarity : Number.NaN;
    if (row.id === undefined || !Number.isFinite(value) || !pairs.has(String(row.id))) unreadable++;
    else similarity.set(String(row.id), value);
  }
  if (similarity.size === 0) {
    return [{ dataset: DATASET, task: TASK, reason: `newsfuse similarity printed no usable {"id","similarity"} lines (${unreadable} unreadable)` }];
  }
  const ms = performance.now() - started;
  // The frozen TF-IDF cosine baseline, in process, over the same pairs (in the same order as `pairs`), on the
  // texts as the `clean` stage leaves them (what `similarity` compared on 2026-12-02), from `extract`.
  const baselineStarted = performance.now();
  const textsFile = join(ctx.tmpDir, `${DATASET}.texts.jsonl`);
  writeFileSync(textsFile, texts.flatMap((t, i) => [JSON.stringify({ id: `${i}a`, text: t.a }), JSON.stringify({ id: `${i}b`, text: t.b })]).join('\n') + '\n');
  const extracted = await ctx.cli(['extract', textsFile, '--format', 'jsonl']);
  const cleaned = new Map(jsonLines(extracted.stdout).rows.map((row) => [String(row.id), typeof row.text === 'string' ? row.text : '']));
  const baselineScores = baselineSimilarity(texts.map((t, i) => ({ a: cleaned.get(`${i}a`) ?? t.a, b: cleaned.get(`${i}b`) ?? t.b })));
  const baseline = new Map([...pairs.keys()].map((id, i) => [id, baselineScores[i]!]));
  const baselineMs = performance.now() - baselineStarted;

  const row = (subset: string, keep: (pair: { enEn: boolean }) => boolean, reference: number): EvalOutcome[] => {
    const ids = [...pairs.keys()].filter((id) => keep(pairs.get(id)!));
    const baselineR = pearson(
      ids.map((id) => baseline.get(id)!),
      ids.map((id) => pairs.get(id)!.negOverall),
    );
    const answered = ids.filter((id) => similarity.has(id));
    const r = pearson(
      answered.map((id) => similarity.get(id)!),
      answered.map((id) => pairs.get(id)!.negOverall),
    );
    const problems = [
      answered.length < ids.length ? `${ids.length - answered.length} of ${ids.length} pairs without a similarity, left out of Pearson` : '',
      unreadable ? `${unreadable} unreadable or unknown output lines` : '',
    ].filter(Boolean);
    return [
      {
        dataset: `${DATASET} ${subset}`,
        task: TASK,
        metrics: { pearson: r, pairs: answered.length },
        reference: { pearson: reference },
        referenceLabel: 'TF-IDF cosine (data README)',
        ms,
        ...(problems.length ? { note: problems.join('; ') } : {}),
      },
      {
        dataset: `${DATASET} ${subset}`,
        task: `${TASK} baseline`,
        metrics: { pearson: baselineR, pairs: ids.length },
        referenceLabel: 'TF-IDF cosine (frozen 2026-12-02)',
        ms: baselineMs,
      },
    ];
  };
  return [...row('en-en', (pair) => pair.enEn, 0.7), ...row('all', () => true, 0.48)];
};
