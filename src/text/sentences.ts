// Sentence spans of a text: ends at . ! ? (and closing quotes) except after known abbreviations and initials.
import { dataLines } from '../data-files.js';

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
  for (const line of text.matchAll(lines)) {
    const base = line.index;
    const body = line[0];
    let start = 0;
    for (const match of body.matchAll(END)) {
      const end = match.index + match[0].length;
      const before = /([\p{L}.]+)\.$/u.exec(body.slice(Math.max(0, match.index - 12), match.index + 1));
      const word = before?.[1]?.toLowerCase();
      if (match[0].startsWith('.') && word && (abbrev().has(word) || /^\p{L}$/u.test(word))) continue;
      push(spans, text, base + start, base + end);
      start = end;
    }
    push(spans, text, base + start, base + body.length);
  }
  return spans;
}

function push(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
