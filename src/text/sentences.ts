// Sentence spans of a text: ends at . ! ? (and closing quotes) except after known abbreviations and initials.
import { dataLines } from '../data-files.js';
import { repeatMemo } from './turn-memo.js';

export interface SentenceSpan {
  start: number;
  end: number;
}

let abbreviations: Set<string> | undefined;
const abbrev = (): Set<string> => (abbreviations ??= new Set(dataLines('abbreviations.txt').flatMap((l) => l.split(/\s+/))));

const END = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d]|\s*\n|\s*$)/gu;

/** Sentence spans over `text`, trimmed; paragraphs (blank-line or newline separated) always end a sentence. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const lines = /[^\n]+/g;
  // Each line is split on its own (once per run for a line text: the copies of a report share most lines).
  for (const line of text.matchAll(lines)) {
    for (const span of lineSentences(line[0])) spans.push({ start: span.start + line.index, end: span.end + line.index });
  }
  return spans;
}

const lineMemo = repeatMemo<SentenceSpan[]>(50_000);

/** The sentence spans of one line, offsets into the line. */
function lineSentences(body: string): SentenceSpan[] {
  const known = lineMemo.sight(body);
  if (typeof known === 'object') return known;
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of body.matchAll(END)) {
    const end = match.index + match[0].length;
    const before = /([\p{L}.]+)\.$/u.exec(body.slice(Math.max(0, match.index - 12), match.index + 1));
    const word = before?.[1]?.toLowerCase();
    if (match[0].startsWith('.') && word && (abbrev().has(word) || /^\p{L}$/u.test(word))) continue;
    push(spans, body, start, end);
    start = end;
  }
  push(spans, body, start, body.length);
  if (known) lineMemo.set(body, spans);
  return spans;
}

function push(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
