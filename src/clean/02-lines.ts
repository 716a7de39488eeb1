// Pass 2: drop lines of page furniture (ads, prompts, lists of other stories) from plain text, line by line.
import { dataLines } from '../data-files.js';
import { isSpaceCode } from './line-scan.js';

export interface RemovedLine {
  line: string;
  rule: string;
}

let noisePattern: RegExp | undefined;

/** One regular expression from data/noise-lines.txt, matching a whole trimmed line. */
function noise(): RegExp {
  noisePattern ??= new RegExp(`^(?:${dataLines('noise-lines.txt').join('|')})$`, 'i');
  return noisePattern;
}

/** Separators stripped from the end of a line before it is matched (with whitespace): | » › > • · : - */
const TRAILING = new Set([0x7c, 0xbb, 0x203a, 0x3e, 0x2022, 0xb7, 0x3a, 0x2d]);
/** Separators stripped from its start (with whitespace): | « ‹ < • · - */
const LEADING = new Set([0x7c, 0xab, 0x2039, 0x3c, 0x2022, 0xb7, 0x2d]);

/**
 * Whether a line is page furniture by itself: trimmed of whitespace, of trailing separators and then of
 * leading ones, it is a whole match of a noise pattern (lines over 160 characters never are).
 */
export function isNoiseLine(line: string): boolean {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (!isSpaceCode(c) && !TRAILING.has(c)) break;
    end--;
  }
  let start = 0;
  while (start < end) {
    const c = line.charCodeAt(start);
    if (!isSpaceCode(c) && !LEADING.has(c)) break;
    start++;
  }
  return end > start && end - start <= 160 && noise().test(line.slice(start, end));
}

/** Remove furniture lines and repeats of the line just kept (captions printed twice). */
export function dropNoiseLines(lines: string[], removed: RemovedLine[]): string[] {
  const kept: string[] = [];
  let previous = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      kept.push('');
      continue;
    }
    if (isNoiseLine(trimmed)) {
      removed.push({ line: trimmed, rule: 'noise-line' });
      continue;
    }
    if (trimmed === previous) {
      removed.push({ line: trimmed, rule: 'repeated-line' });
      continue;
    }
    kept.push(trimmed);
    previous = trimmed;
  }
  return kept;
}
