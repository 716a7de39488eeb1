// Debug report for time expressions: runs findTimeExpressions in-process over the TimeML dev documents and lists
// value mismatches, missed and spurious expressions by category, so that work goes to classes of errors.
// Usage: npx tsc -p tsconfig.json; node dist/eval/timex-mismatches.js [--only CATEGORY] [--limit N] [--kinds value,missed,spurious,span]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findTimeExpressions } from '../src/text/timex.js';
import { REPO_ROOT } from './context.js';
import { addCounts, countMatches, parseTimeml, taskAScores, type TimexCounts, type TimexSpan } from './timex.js';

/** The shape of a TimeML value: what kind of normalisation produced (or should have produced) it. */
export function valueCategory(value: string, type: string): string {
  if (type === 'SET') return 'set';
  if (/^P/.test(value)) return 'duration';
  if (/_REF$/.test(value)) return 'ref';
  if (/T/.test(value)) return 'time';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}(-WE)?$/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-Q\d$|^\d{4}-H\d$/.test(value)) return 'quarter';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{2,3}X?$/.test(value)) return 'decade/century';
  if (/X/.test(value)) return 'underspecified';
  return 'other';
}

interface Finding {
  kind: 'value' | 'missed' | 'spurious' | 'span';
  category: string;
  file: string;
  dct: string;
  line: string;
}

const overlaps = (a: TimexSpan, b: TimexSpan) => a.start < b.end && b.start < a.end;

function context(text: string, start: number, end: number): string {
  const left = text.slice(Math.max(0, start - 50), start).replace(/\s+/g, ' ');
  const right = text.slice(end, end + 30).replace(/\s+/g, ' ');
  return `…${left}[${text.slice(start, end)}]${right}…`;
}

function main(argv: string[]): number {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const only = option('--only');
  const limit = Number(option('--limit') ?? 40);
  const kinds = new Set((option('--kinds') ?? 'value,missed,spurious,span').split(','));
  const dataDir = resolve(process.env.NEWSFUSE_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
  const folder = join(dataDir, 'timex', 'aquaint');
  if (!existsSync(folder)) {
    process.stderr.write(`timex-mismatches: expecting the folder ${folder}, instead found nothing\n`);
    return 2;
  }
  let total: TimexCounts = { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
  const findings: Finding[] = [];
  for (const file of readdirSync(folder).filter((n) => n.endsWith('.tml')).sort()) {
    const document = parseTimeml(readFileSync(join(folder, file), 'utf8'));
    const system = findTimeExpressions(document.text, document.dct);
    total = addCounts(total, countMatches(document.timexes, system));
    // Same matching as countMatches, repeated here to know which pairs went wrong.
    const used = new Set<number>();
    const matchedSystem = new Set<number>();
    system.forEach((predicted, s) => {
      let index = document.timexes.findIndex((g, i) => !used.has(i) && g.start === predicted.start && g.end === predicted.end);
      if (index < 0) index = document.timexes.findIndex((g, i) => !used.has(i) && overlaps(g, predicted));
      if (index < 0) return;
      used.add(index);
      matchedSystem.add(s);
      const gold = document.timexes[index]!;
      const where = context(document.text, gold.start, gold.end);
      if (gold.value !== predicted.value) {
        findings.push({
          kind: 'value',
          category: valueCategory(gold.value, gold.type),
          file,
          dct: document.dct,
          line: `gold ${gold.type} ${gold.value} | ours ${predicted.type} ${predicted.value} "${predicted.text}" ${where}`,
        });
      }
      if (gold.start !== predicted.start || gold.end !== predicted.end) {
        findings.push({ kind: 'span', category: valueCategory(gold.value, gold.type), file, dct: document.dct, line: `gold "${gold.text}" | ours "${predicted.text}" ${where}` });
      }
    });
    document.timexes.forEach((gold, i) => {
      if (used.has(i)) return;
      findings.push({ kind: 'missed', category: valueCategory(gold.value, gold.type), file, dct: document.dct, line: `${gold.type} ${gold.value} ${context(document.text, gold.start, gold.end)}` });
    });
    system.forEach((predicted, s) => {
      if (matchedSystem.has(s)) return;
      findings.push({
        kind: 'spurious',
        category: valueCategory(predicted.value, predicted.type),
        file,
        dct: document.dct,
        line: `${predicted.type} ${predicted.value} ${context(document.text, predicted.start, predicted.end)}`,
      });
    });
  }
  const scores = taskAScores(total);
  const out: string[] = [];
  out.push(
    `strictF1 ${scores.strictF1!.toFixed(3)}  relaxedF1 ${scores.relaxedF1!.toFixed(3)}  valueF1 ${scores.valueF1!.toFixed(3)}  typeAccuracy ${scores.typeAccuracy!.toFixed(3)}  ` +
      `(gold ${total.gold}, system ${total.system}, strict ${total.strict}, relaxed ${total.relaxed}, value ${total.value})`,
  );
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!kinds.has(finding.kind) || (only && finding.category !== only)) continue;
    const key = `${finding.kind} / ${finding.category}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  out.push('', 'counts:', ...ordered.map(([key, list]) => `  ${String(list.length).padStart(4)}  ${key}`));
  for (const [key, list] of ordered) {
    out.push('', `== ${key} (${list.length})`);
    for (const finding of list.slice(0, limit)) out.push(`  ${finding.file.replace(/\.tml$/, '')} dct ${finding.dct.slice(0, 10)}  ${finding.line}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
