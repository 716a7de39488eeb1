// Pass 4: cut the tail of a page after the article's sign-off (credit or byline), and trailing furniture.
import type { RemovedLine } from './02-lines.js';
import { isBodyLine } from './03-head.js';
import { countSplitFields } from './line-scan.js';

/** Credit and sign-off lines that end wire copy: "tg/rs (AP, Reuters)", "(KCNA-Yonhap)", "By Name (email)". */
const SIGN_OFF =
  /^(?:[a-z]{1,4}(?:\/[a-z]{1,4})+(?:\s*\(.{1,80}\))?|\((?:[A-Z][\w.]*(?:[-,/ ]+|$)){1,6}\)|by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*\(?[\w.+-]+@[\w.-]+\)?|(?:reporting|writing|editing|additional reporting) by .{3,120})$/i;

export const isSignOff = (line: string): boolean => SIGN_OFF.test(line.trim());

/**
 * Lines after a sign-off in the last part of the page are page furniture (staff notes,
 * comment forms); so are trailing short non-sentences ("MOST POPULAR", a lone word).
 * The sign-off itself is kept: describe reads credits and bylines from it.
 */
export function cutTail(lines: string[], removed: RemovedLine[]): string[] {
  let end = lines.length;
  let nonEmpty = 0;
  for (const line of lines) if (line !== '') nonEmpty++;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    seen++;
    if (seen > nonEmpty * 0.6 && seen > 2 && isSignOff(line)) {
      end = i + 1;
      break;
    }
  }
  for (const line of lines.slice(end)) if (line !== '') removed.push({ line, rule: 'after-sign-off' });
  const kept = lines.slice(0, end);
  // Trailing furniture: short lines that are not sentences.
  while (kept.length > 0) {
    const last = kept[kept.length - 1]!;
    // Short: few words and few characters (scripts without spaces have long one-"word" lines).
    const short = last.length <= 40 && countSplitFields(last, 5) <= 5;
    if (last === '' || (short && !/[.!?"”。！？」]$/.test(last) && !isBodyLine(last) && !isSignOff(last))) {
      if (last !== '') removed.push({ line: last, rule: 'trailing-furniture' });
      kept.pop();
    } else break;
  }
  return kept;
}
