// Pass 3: split the head of a plain-text page (kicker, title, date lines) from the body.
import type { RemovedLine } from './02-lines.js';
import { countWords, lastVisible } from './line-scan.js';

const META_LINE =
  /^(?:(?:publish(?:ed)?|posted|updated|last updated|date|news id|article id|story id)\b.{0,60}|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?\d{1,2}(?:st|nd|rd|th)? \w+,? \d{4}.{0,20}|\w+ \d{1,2},? \d{4}.{0,20}|\d{4}-\d\d-\d\d.{0,20})$/i;

/** Characters a sentence ends on. */
const SENTENCE_END = new Set(['.', '!', '?', '"', '”', '’', "'", ')']);

/** A body line: a sentence of some length. */
export function isBodyLine(line: string): boolean {
  return SENTENCE_END.has(lastVisible(line)) && countWords(line, 12) >= 12;
}

/** Whether a line only gives a date or an id (kept for describe via the input, dropped from the body). */
export const isMetaLine = (line: string): boolean => META_LINE.test(line.trim());

export interface Head {
  /** Head lines that are neither metadata nor furniture, in order (title candidates, kickers). */
  lines: string[];
  body: string[];
}

/**
 * The head is every line before the first body line. Its title-like lines are returned so
 * describe can choose the title; the body keeps no head line and no later repeat of one.
 */
export function splitHead(lines: string[], removed: RemovedLine[]): Head {
  const first = lines.findIndex((line) => isBodyLine(line));
  let headEnd = first === -1 ? 0 : first;
  // A title printed again just below the first body-like line (page header, then article header)
  // makes the lines in between a standfirst or teaser: the head runs to the repeat.
  const titles = new Set(lines.slice(0, headEnd).filter((line) => countWords(line, 4) >= 4));
  for (let i = headEnd, seen = 0; i < lines.length && seen < 8; i++) {
    if (lines[i] === '') continue;
    seen++;
    if (titles.has(lines[i]!)) headEnd = i + 1;
  }
  const head: string[] = [];
  for (const line of lines.slice(0, headEnd)) {
    if (line === '' || head.includes(line)) continue;
    if (isMetaLine(line)) removed.push({ line, rule: 'meta-line' });
    else {
      head.push(line);
      removed.push({ line, rule: 'head-line' });
    }
  }
  const headSet = new Set(head.filter((line) => countWords(line, 3) >= 3));
  // Looking up a line hashes all of it: most body lines are ruled out by their length first.
  const headLengths = new Set([...headSet].map((line) => line.length));
  const body = lines.slice(headEnd).filter((line) => {
    if (headLengths.has(line.length) && headSet.has(line)) {
      removed.push({ line, rule: 'repeated-title' });
      return false;
    }
    if (line !== '' && countWords(line, 8) <= 8 && isMetaLine(line)) {
      removed.push({ line, rule: 'meta-line' });
      return false;
    }
    return true;
  });
  return { lines: head, body };
}
