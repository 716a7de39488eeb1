// The clean passes as first written (regexes and string rebuilds per line, as of 8ad2058): the reference the fast passes in src/clean must equal.
import { dataLines } from '../src/data-files.js';
import { SourceMap, SourceMapBuilder } from '../src/text/source-map.js';
import { isMetaLine } from '../src/clean/03-head.js';
import { isSignOff } from '../src/clean/04-tail.js';
import { isDateLine } from '../src/clean/05-date-lines.js';
import type { RemovedLine } from '../src/clean/02-lines.js';

// The line predicates that are one regular expression each (meta, sign-off and date lines) are
// shared with src/clean; everything the fast passes rewrote (scans, word counts, collapsing, the Unicode
// pass, the map back to the input) is here as it was.

const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const DROPPED = /[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const SPECIAL = /\P{M}\p{M}+|\p{M}+|[\r\u00a0\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

export function referenceNormalizeUnicodeMapped(raw: string): { text: string; map: SourceMap } {
  const simple = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (simple === raw && raw.normalize('NFC') === raw) return { text: raw, map: SourceMap.identity(raw.length) };
  const builder = new SourceMapBuilder();
  let out = '';
  let last = 0;
  for (const match of raw.matchAll(SPECIAL)) {
    const at = match.index;
    if (at > last) {
      out += raw.slice(last, at);
      builder.copy(last, at - last);
    }
    const piece = match[0];
    last = at + piece.length;
    if (piece.length === 1) {
      const ch = piece;
      if (ch === '\r') {
        if (raw[at + 1] === '\n') continue;
        out += '\n';
        builder.replace(at, 1);
      } else if (SPACES.test(ch)) {
        out += ' ';
        builder.copy(at, 1);
      } else if (DROPPED.test(ch)) {
        continue;
      } else {
        out += ch;
        builder.copy(at, 1);
      }
      continue;
    }
    const composed = piece.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').normalize('NFC');
    if (composed === piece) {
      out += piece;
      builder.copy(at, piece.length);
    } else {
      out += composed;
      builder.replace(at, composed.length);
    }
  }
  if (last < raw.length) {
    out += raw.slice(last);
    builder.copy(last, raw.length - last);
  }
  return { text: out, map: builder.build(raw.length) };
}

let noisePattern: RegExp | undefined;
const noise = (): RegExp => (noisePattern ??= new RegExp(`^(?:${dataLines('noise-lines.txt').join('|')})$`, 'i'));

export function referenceIsNoiseLine(line: string): boolean {
  const trimmed = line.trim().replace(/[\s|»›>•·:-]+$/, '').replace(/^[\s|«‹<•·-]+/, '');
  return trimmed !== '' && trimmed.length <= 160 && noise().test(trimmed);
}

function dropNoiseLines(lines: string[], removed: RemovedLine[]): string[] {
  const kept: string[] = [];
  let previous = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      kept.push('');
      continue;
    }
    if (referenceIsNoiseLine(trimmed)) {
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

const words = (line: string): number => line.split(/\s+/).filter(Boolean).length;

export function referenceIsBodyLine(line: string): boolean {
  return words(line) >= 12 && /[.!?"”’')]$/.test(line.trim());
}

function splitHead(lines: string[], removed: RemovedLine[]): { lines: string[]; body: string[] } {
  const first = lines.findIndex((line) => referenceIsBodyLine(line));
  let headEnd = first === -1 ? 0 : first;
  const titles = new Set(lines.slice(0, headEnd).filter((line) => words(line) >= 4));
  for (let i = headEnd, seen = 0; i < lines.length && seen < 8; i++) {
    if (lines[i] === '') continue;
    seen++;
    if (titles.has(lines[i]!)) headEnd = i + 1;
  }
  const head: string[] = [];
  for (const line of lines.slice(0, headEnd)) {
    if (line === '' || head.includes(line)) continue;
    if (isMetaLine(line)) removed.push({ line, rule: 'meta-line' });
    else head.push(line);
    if (!isMetaLine(line)) removed.push({ line, rule: 'head-line' });
  }
  const headSet = new Set(head.filter((line) => words(line) >= 3));
  const body = lines.slice(headEnd).filter((line) => {
    if (headSet.has(line)) {
      removed.push({ line, rule: 'repeated-title' });
      return false;
    }
    if (line !== '' && words(line) <= 8 && isMetaLine(line)) {
      removed.push({ line, rule: 'meta-line' });
      return false;
    }
    return true;
  });
  return { lines: head, body };
}

function cutTail(lines: string[], removed: RemovedLine[]): string[] {
  let end = lines.length;
  const nonEmpty = lines.filter((line) => line !== '').length;
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
  while (kept.length > 0) {
    const last = kept[kept.length - 1]!;
    const short = last.split(/\s+/).length <= 5 && last.length <= 40;
    if (last === '' || (!referenceIsBodyLine(last) && !isSignOff(last) && short && !/[.!?"”。！？」]$/.test(last))) {
      if (last !== '') removed.push({ line: last, rule: 'trailing-furniture' });
      kept.pop();
    } else break;
  }
  return kept;
}

const BYLINE_LINE = /^[Bb][Yy]\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})*\s*[-–—|,]?$/u;

export const referenceIsBylineLine = (line: string): boolean => BYLINE_LINE.test(line.trim());

function dropDateLines(lines: string[], removed: RemovedLine[]): string[] {
  return lines.filter((line) => {
    if (line === '') return true;
    if (isDateLine(line)) {
      removed.push({ line: line.trim(), rule: 'date-line' });
      return false;
    }
    if (referenceIsBylineLine(line)) {
      removed.push({ line: line.trim(), rule: 'byline-line' });
      return false;
    }
    return true;
  });
}

const collapse = (line: string): string => line.trim().replace(/[ \t]+/g, ' ');
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

function mapParagraphs(paragraphs: string[], lines: string[], normalizedMap: SourceMap): SourceMap {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const builder = new SourceMapBuilder();
  const copy = (at: number, count: number): void => {
    for (let i = 0; i < count; i++) builder.copy(normalizedMap.toSource(at + i), 1);
  };
  let next = 0;
  let previousEnd = 0;
  paragraphs.forEach((paragraph, index) => {
    let found = next;
    while (found < lines.length && collapse(lines[found]!) !== paragraph) found++;
    if (index > 0) builder.replace(normalizedMap.toSource(Math.max(0, previousEnd - 1)), 2);
    if (found === lines.length) {
      builder.replace(normalizedMap.toSource(previousEnd), paragraph.length);
      return;
    }
    const line = lines[found]!;
    const base = lineStarts[found]!;
    let i = 0;
    while (i < line.length && /\s/.test(line[i]!)) i++;
    for (let j = 0; j < paragraph.length; j++) {
      if (paragraph[j] === ' ' && isBlank(line[i])) {
        copy(base + i, 1);
        while (i < line.length && isBlank(line[i])) i++;
      } else {
        copy(base + i, 1);
        i++;
      }
    }
    previousEnd = base + i;
    next = found + 1;
  });
  return builder.build(normalizedMap.sourceLength);
}

export interface ReferenceClean {
  text: string;
  headLines: string[];
  removed: RemovedLine[];
  map: SourceMap;
}

/** `cleanText` as first written. */
export function referenceCleanText(raw: string, options: { fromHtml?: boolean } = {}): ReferenceClean {
  const removed: RemovedLine[] = [];
  const normalized = referenceNormalizeUnicodeMapped(raw);
  const lines = normalized.text.split('\n');
  const kept = dropNoiseLines(lines, removed);
  const { lines: headLines, body } = options.fromHtml ? { lines: [], body: kept } : splitHead(kept, removed);
  const tail = options.fromHtml ? dropDateLines(body, removed) : cutTail(body, removed);
  const paragraphs = tail.filter((line) => line !== '').map(collapse);
  return { text: paragraphs.join('\n\n'), headLines, removed, map: mapParagraphs(paragraphs, lines, normalized.map) };
}
