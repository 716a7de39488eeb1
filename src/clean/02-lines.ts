// Pass 2: drop lines of page furniture (ads, prompts, lists of other stories) from plain text, line by line.
import { dataLines } from '../data-files.js';

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

/** Whether a trimmed line is page furniture by itself. */
export function isNoiseLine(line: string): boolean {
  const trimmed = line.trim().replace(/[\s|»›>•·:-]+$/, '').replace(/^[\s|«‹<•·-]+/, '');
  return trimmed !== '' && trimmed.length <= 160 && noise().test(trimmed);
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
