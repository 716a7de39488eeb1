// Conflict evaluation on the planted ECB+ dev stories: `newsfuse brief --input` scored as the data README defines,
// with the plain baseline run in-process on the same stories as the reference.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../src/text/tokens.js';
import { splitSentences } from '../src/text/sentences.js';
import { dataLines } from '../src/data-files.js';
import { cliFailure, jsonLines, readDataJsonl, type Evaluate } from './context.js';
import { scoreConflicts, type ConflictScores, type ConflictTruth, type ReportedConflict } from './metrics/conflict-match.js';
import type { EvalOutcome } from './types.js';

export interface ConflictStory {
  id: string;
  articles: { id: string; outlet?: string; title?: string; text: string; published?: string | null }[];
}

const MONTH_DAY = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2}\b/g;

/**
 * The README's plain baseline: sentence pairs of different articles sharing ≥ 60% of their content words
 * (|A∩B| / max(|A|,|B|)); a number conflict when each holds a digit token the other lacks, a date conflict when the
 * same holds for month-day dates. All pairs, as the baseline is defined.
 */
export function baselineConflicts(story: ConflictStory): ReportedConflict[] {
  const stop = new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/)));
  const units = story.articles.flatMap((article) =>
    splitSentences(article.text).map((span) => {
      const sentence = article.text.slice(span.start, span.end);
      const tokens = tokenize(sentence).map((t) => ({ ...t, start: t.start + span.start, end: t.end + span.start }));
      const dates = [...sentence.matchAll(MONTH_DAY)].map((m) => ({ norm: m[0].replace('.', ''), start: span.start + m.index, end: span.start + m.index + m[0].length }));
      return {
        article: article.id,
        content: new Set(tokens.filter((t) => !stop.has(t.norm) && !/\d/.test(t.norm)).map((t) => t.norm)),
        digits: tokens.filter((t) => /\d/.test(t.norm)),
        dates,
      };
    }),
  );
  const conflicts: ReportedConflict[] = [];
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const a = units[i]!;
      const b = units[j]!;
      if (a.article === b.article || a.content.size === 0 || b.content.size === 0) continue;
      let shared = 0;
      for (const word of a.content) if (b.content.has(word)) shared++;
      if (shared / Math.max(a.content.size, b.content.size) < 0.6) continue;
      for (const [kind, x, y] of [['number', a.digits, b.digits], ['date', a.dates, b.dates]] as const) {
        const onlyX = x.find((t) => !y.some((u) => u.norm === t.norm));
        const onlyY = y.find((t) => !x.some((u) => u.norm === t.norm));
        if (onlyX && onlyY) conflicts.push({ kind, sides: [{ article: a.article, start: onlyX.start, end: onlyX.end }, { article: b.article, start: onlyY.start, end: onlyY.end }] });
      }
    }
  }
  return conflicts;
}

/** The metrics row of one system's reported conflicts. */
export function conflictMetrics(scores: ConflictScores): Record<string, number> {
  return { ...scores };
}

export const evaluate: Evaluate = async (ctx) => {
  const dataset = 'ecbplus-conflicts-dev';
  const task = 'conflicts';
  const storiesFile = join(ctx.dataDir, 'conflicts', 'ecbplus-dev-stories.jsonl');
  const truthFile = join(ctx.dataDir, 'conflicts', 'ecbplus-dev-truth.json');
  if (!existsSync(storiesFile) || !existsSync(truthFile)) return [{ dataset, task, reason: `no file ${storiesFile} or ${truthFile}` }];
  const started = Date.now();
  const stories = readDataJsonl<ConflictStory>(storiesFile);
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as ConflictTruth;
  const input = join(ctx.tmpDir, 'conflict-stories.jsonl');
  writeFileSync(input, stories.map((s) => JSON.stringify(s)).join('\n') + '\n', 'utf8');
  const result = await ctx.cli(['brief', '--input', input]);
  const ms = Date.now() - started;
  const reported = new Map<string, ReportedConflict[]>();
  for (const row of jsonLines(result.stdout).rows) {
    if (row.id === undefined || !Array.isArray(row.conflicts)) continue;
    reported.set(String(row.id), row.conflicts as ReportedConflict[]);
  }
  if (reported.size === 0) return [{ dataset, task, reason: result.code !== 0 ? cliFailure('brief --input', result) : 'no story with a conflicts array in the output' }];
  const articleIds = new Map(stories.map((s) => [s.id, new Set(s.articles.map((a) => a.id))]));
  const articlesOf = (story: string) => articleIds.get(story) ?? new Set<string>();
  const baseline = new Map(stories.map((s) => [s.id, baselineConflicts(s)]));
  const texts = new Map(stories.flatMap((s) => s.articles.map((a) => [a.id, a.text] as const)));
  let mismatched = 0;
  for (const conflicts of reported.values()) for (const c of conflicts) for (const side of c.sides) if (side.text !== undefined && texts.get(side.article)?.slice(side.start, side.end) !== side.text) mismatched++;
  const row: EvalOutcome = {
    dataset,
    task,
    metrics: { ...conflictMetrics(scoreConflicts(truth, reported, articlesOf)), stories: reported.size },
    reference: conflictMetrics(scoreConflicts(truth, baseline, articlesOf)),
    referenceLabel: 'plain baseline, same run',
    ms,
  };
  const notes: string[] = [];
  if (reported.size < stories.length) notes.push(`${stories.length - reported.size} stories without output${result.code !== 0 ? `; ${cliFailure('brief --input', result)}` : ''}`);
  if (mismatched) notes.push(`${mismatched} sides whose text differs from the input at [start, end)`);
  if (notes.length) row.note = notes.join('; ');
  return [row];
};
