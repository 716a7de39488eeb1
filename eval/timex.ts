// Time-expression evaluation: TempEval-3 Task A (spans and normalised values) over the TimeML AQUAINT documents.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluate } from './context.js';
import { countScores } from './metrics/prf.js';
import type { EvalOutcome } from './types.js';

/** One time expression, gold or predicted; offsets index the plain text of the document. */
export interface TimexSpan {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

/** A TimeML document reduced to what Task A needs. */
export interface TimemlDocument {
  /** Document creation time, the `value` of the TIMEX3 inside `<DCT>`. */
  dct: string;
  /** The `<TEXT>` element with all tags removed and XML entities decoded. */
  text: string;
  /** Gold TIMEX3 elements of `<TEXT>`, offsets into `text`. */
  timexes: TimexSpan[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; unknown names stay as they are. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : '';
}

/**
 * Parses a TimeML document. Offsets of the gold TIMEX3 spans are counted in the decoded plain text, so that
 * `text.slice(start, end)` is the expression as a reader sees it. Throws when `<TEXT>` or the DCT is missing.
 */
export function parseTimeml(xml: string): TimemlDocument {
  const dctMatch = /<DCT>\s*<TIMEX3\b([^>]*)>/.exec(xml);
  if (!dctMatch) throw new Error('expecting <DCT><TIMEX3 value="..."> in the document, instead found none');
  const dct = attribute(dctMatch[1]!, 'value');
  const textMatch = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!textMatch) throw new Error('expecting a <TEXT> element, instead found none');
  const body = textMatch[1]!;

  let text = '';
  const timexes: TimexSpan[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  const tagPattern = /<(\/?)([A-Za-z0-9_]+)\b([^>]*?)(\/?)>/g;
  let last = 0;
  for (let match = tagPattern.exec(body); match; match = tagPattern.exec(body)) {
    text += decodeEntities(body.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, name, attributes, selfClosing] = match;
    if (name !== 'TIMEX3' || selfClosing) continue;
    if (!closing) {
      open.push({ start: text.length, type: attribute(attributes!, 'type'), value: attribute(attributes!, 'value') });
    } else {
      const started = open.pop();
      if (started) timexes.push({ ...started, end: text.length, text: '' });
    }
  }
  text += decodeEntities(body.slice(last));
  for (const timex of timexes) timex.text = text.slice(timex.start, timex.end);
  timexes.sort((a, b) => a.start - b.start);
  return { dct, text, timexes };
}

/** Counts behind the TempEval-3 Task A figures; add them up over documents, then call `taskAScores`. */
export interface TimexCounts {
  gold: number;
  system: number;
  /** System spans identical to a gold span. */
  strict: number;
  /** System spans overlapping a gold span (each gold and system span used at most once). */
  relaxed: number;
  /** Relaxed matches with the gold `value`. */
  value: number;
  /** Relaxed matches with the gold `type`. */
  type: number;
}

const overlaps = (a: TimexSpan, b: TimexSpan) => a.start < b.end && b.start < a.end;

/**
 * Matches system spans to gold spans of one document. An exact match is preferred; otherwise the first
 * overlapping unused gold span is taken, so one long system span cannot collect two gold credits.
 */
export function countMatches(gold: TimexSpan[], system: TimexSpan[]): TimexCounts {
  const counts: TimexCounts = { gold: gold.length, system: system.length, strict: 0, relaxed: 0, value: 0, type: 0 };
  const used = new Set<number>();
  for (const predicted of system) {
    let index = gold.findIndex((g, i) => !used.has(i) && g.start === predicted.start && g.end === predicted.end);
    if (index >= 0) counts.strict++;
    else index = gold.findIndex((g, i) => !used.has(i) && overlaps(g, predicted));
    if (index < 0) continue;
    used.add(index);
    counts.relaxed++;
    if (gold[index]!.value === predicted.value) counts.value++;
    if (gold[index]!.type === predicted.type) counts.type++;
  }
  return counts;
}

export function addCounts(a: TimexCounts, b: TimexCounts): TimexCounts {
  return {
    gold: a.gold + b.gold,
    system: a.system + b.system,
    strict: a.strict + b.strict,
    relaxed: a.relaxed + b.relaxed,
    value: a.value + b.value,
    type: a.type + b.type,
  };
}


/** TempEval-3 Task A: strict and relaxed span P/R/F1, value F1 (correct values over system and gold counts), type accuracy over relaxed matches. */
export function taskAScores(counts: TimexCounts): Record<string, number> {
  const strict = countScores(counts.strict, counts.system, counts.gold);
  const relaxed = countScores(counts.relaxed, counts.system, counts.gold);
  const value = countScores(counts.value, counts.system, counts.gold);
  return {
    strictP: strict.p,
    strictR: strict.r,
    strictF1: strict.f,
    relaxedP: relaxed.p,
    relaxedR: relaxed.r,
    relaxedF1: relaxed.f,
    valueF1: value.f,
    typeAccuracy: counts.relaxed ? counts.type / counts.relaxed : 0,
  };
}

const EMPTY: TimexCounts = { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 };

export const evaluate: Evaluate = async (ctx) => {
  const dataset = 'timex-aquaint';
  const task = 'time expressions';
  const folder = join(ctx.dataDir, 'timex', 'aquaint');
  if (!existsSync(folder)) return [{ dataset, task, reason: `no folder ${folder}` }];
  const files = readdirSync(folder).filter((name) => name.endsWith('.tml')).sort();
  const started = Date.now();
  let total = EMPTY;
  let documents = 0;
  const failures: string[] = [];
  for (const name of files) {
    let document: TimemlDocument;
    try {
      document = parseTimeml(readFileSync(join(folder, name), 'utf8'));
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    const input = join(ctx.tmpDir, name.replace(/\.tml$/, '.txt'));
    writeFileSync(input, document.text, 'utf8');
    const result = await ctx.cli(['timex', '--ref', document.dct, input]);
    let system: TimexSpan[];
    try {
      if (result.code !== 0) throw new Error(`exit code ${result.code}: ${result.stderr.trim().slice(0, 200)}`);
      system = JSON.parse(result.stdout) as TimexSpan[];
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    total = addCounts(total, countMatches(document.timexes, system));
    documents++;
  }
  if (documents === 0) {
    return [{ dataset, task, reason: `no document scored; first failure: ${failures[0] ?? 'no .tml files'}` }];
  }
  const scores = taskAScores(total);
  const row: EvalOutcome = {
    dataset,
    task,
    metrics: {
      strictF1: scores.strictF1!,
      relaxedP: scores.relaxedP!,
      relaxedR: scores.relaxedR!,
      relaxedF1: scores.relaxedF1!,
      valueF1: scores.valueF1!,
      typeAccuracy: scores.typeAccuracy!,
      documents,
    },
    // HeidelTime's TempEval-3 Task A test-set figures (UzZaman et al. 2013): strict F1 81.34, relaxed F1 90.30, value F1 77.61.
    reference: { strictF1: 0.813, relaxedF1: 0.903, valueF1: 0.776 },
    referenceLabel: 'HeidelTime, TempEval-3 (test set)',
    ms: Date.now() - started,
  };
  if (failures.length) row.note = `${failures.length} documents failed; first: ${failures[0]}`;
  return [row];
};
