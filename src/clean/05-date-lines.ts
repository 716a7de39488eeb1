// Pass 5 (HTML bodies): drop lines that only state a date or time ("Updated: Sat 8:31 PM, Feb 17, 2018") or a byline ("By Jane Doe -"): page furniture; describe reads dates from the markup and bylines from the removed lines.
import type { RemovedLine } from './02-lines.js';

const LABEL = /\b(?:posted|published|updated|last updated|originally published|original|modified|date|on|at)\b:?/gi;
const WEEKDAY = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\b\.?,?/gi;
const MONTH = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/gi;
const TIME = /\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?/gi;
const ZONE = /\b(?:[A-Z]{1,2}[SD]?T|UTC|GMT|Z)\b/g;
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g;

/** Whether a line holds nothing but a date and/or time, with labels such as "Updated:" and separators. */
export function isDateLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 90) return false;
  const hasYear = /\b(?:19|20)\d\d\b/.test(trimmed);
  const hasTime = /\b\d{1,2}[:.]\d\d\b/.test(trimmed);
  const hasMonth = new RegExp(MONTH.source, 'i').test(trimmed) || new RegExp(NUMERIC_DATE.source).test(trimmed);
  if (!(hasMonth && (hasYear || hasTime))) return false;
  const rest = trimmed
    .replace(NUMERIC_DATE, ' ')
    .replace(TIME, ' ')
    .replace(MONTH, ' ')
    .replace(WEEKDAY, ' ')
    .replace(ZONE, ' ')
    .replace(LABEL, ' ')
    .replace(/\b\d{1,4}(?:st|nd|rd|th)?\b/g, ' ')
    .replace(/[\s,|/–—·•()-]+/g, '');
  return rest === '';
}

/** A byline alone on its line: "By Jane Doe", "By Jane Doe and John Roe -", "By JANE DOE |". */
const BYLINE_LINE = /^[Bb][Yy]\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})*\s*[-–—|,]?$/u;

/** Whether a trimmed line opens with "by" and whitespace, as every byline line does (the pattern is costly to compile: asked only then). */
const opensWithBy = (line: string): boolean => (line.charCodeAt(0) | 0x20) === 0x62 && (line.charCodeAt(1) | 0x20) === 0x79 && /\s/.test(line.charAt(2));

export const isBylineLine = (line: string): boolean => {
  const trimmed = line.trim();
  return opensWithBy(trimmed) && BYLINE_LINE.test(trimmed);
};

/** Remove date-only and byline-only lines, recording each (`date-line`, `byline-line`). */
export function dropDateLines(lines: string[], removed: RemovedLine[]): string[] {
  return lines.filter((line) => {
    if (line === '') return true;
    if (isDateLine(line)) {
      removed.push({ line: line.trim(), rule: 'date-line' });
      return false;
    }
    if (isBylineLine(line)) {
      removed.push({ line: line.trim(), rule: 'byline-line' });
      return false;
    }
    return true;
  });
}
