// Word and punctuation tokens of a text with offsets, and sentence spans that never cut a quotation.
import { dataLines } from '../../data-files.js';
import { turnMemo } from '../../text/turn-memo.js';
import type { QuotedSpan } from './quote-marks.js';

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Starts with an upper-case letter. */
  capital: boolean;
  /** A letter or digit run (else punctuation or a quotation mark). */
  word: boolean;
  /** Index of the quoted span this token lies in, or -1. */
  quote: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index range [first, last) into the document's tokens. */
  first: number;
  last: number;
}

// Initialisms (U.S.), words with inner apostrophes or hyphens (don't, Moo-jin), NYT quote pairs, any other character.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*|''|``|\S/gu;

let abbreviations: Set<string> | undefined;
const abbrev = (): Set<string> => (abbreviations ??= new Set(dataLines('abbreviations.txt').flatMap((l) => l.split(/\s+/))));

/** Tokens of the text; an abbreviation's period (Mr., Gen.) and a single initial's (J.) stay with the word. */
export function tokenizeWords(text: string, quotes: QuotedSpan[]): Word[] {
  const words: Word[] = [];
  let q = 0;
  // No token spans a line break, so each line is tokenised on its own (once per brief build: copies share lines).
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    for (const token of lineTokens(text.slice(lineStart, lineEnd))) {
      const start = token.start + lineStart;
      while (q < quotes.length && quotes[q]!.end <= start) q++;
      const inQuote = q < quotes.length && quotes[q]!.start <= start && start < quotes[q]!.end ? q : -1;
      words.push({ start, end: token.end + lineStart, text: token.text, lower: token.lower, capital: token.capital, word: token.word, quote: inQuote });
    }
    lineStart = lineEnd + 1;
  }
  return words;
}

const lineMemo = turnMemo<string, Omit<Word, 'quote'>[]>(50_000);

/** The tokens of one line, offsets into the line. */
function lineTokens(line: string): Omit<Word, 'quote'>[] {
  const memo = lineMemo();
  const known = memo.get(line);
  if (known) return known;
  const tokens: Omit<Word, 'quote'>[] = [];
  const pattern = new RegExp(TOKEN.source, 'gu');
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    let end = match.index + match[0].length;
    let value = match[0];
    const word = /^[\p{L}\p{N}]/u.test(value);
    if (word && line[end] === '.' && (abbrev().has(value.toLowerCase()) || /^\p{Lu}$/u.test(value))) {
      end++;
      value += '.';
      pattern.lastIndex = end;
    }
    tokens.push({ start: match.index, end, text: value, lower: value.toLowerCase(), capital: /^\p{Lu}/u.test(value), word });
  }
  memo.set(line, tokens);
  return tokens;
}

/** Whether text[from, to) holds a line break (the gap between two tokens: only spaces). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

const isEnd = (w: Word | undefined): boolean => w !== undefined && !w.word && (w.text === '.' || w.text === '!' || w.text === '?');

/**
 * Sentences over the tokens: a sentence ends at . ! ? followed by a capital, a digit or an opening mark, and at every
 * line break; never inside a quotation (a quoted passage of several sentences stays in one sentence).
 */
export function splitWordSentences(text: string, words: Word[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const push = (last: number) => {
    if (last > first) sentences.push({ start: words[first]!.start, end: words[last - 1]!.end, first, last });
    first = last;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (!next) break;
    const lineBreak = hasNewline(text, w.end, next.start);
    if (lineBreak && next.quote !== w.quote) {
      push(i + 1);
      continue;
    }
    if (lineBreak && w.quote === -1) {
      push(i + 1);
      continue;
    }
    // A quotation ending in . ! ? ends the sentence with its closing mark ("… home." Then …).
    const closesQuote = w.quote !== -1 && next.quote !== w.quote && isEnd(words[i - 1]);
    if (closesQuote) {
      if (next.capital || next.quote !== -1) push(i + 1);
      continue;
    }
    if (w.quote !== -1 || !isEnd(w)) continue;
    // A closing mark right after the period belongs to this sentence.
    let k = i + 1;
    while (k < words.length && words[k]!.quote === -1 && /^[)\]]$/.test(words[k]!.text)) k++;
    const after = words[k];
    if (after && (after.capital || /^\p{N}/u.test(after.text) || after.quote !== -1)) push(k);
  }
  push(words.length);
  return sentences;
}
