// Quoted passages of a text: pairs of quotation marks (straight, curly, NYT '' and ``, guillemets, „),
// found in one linear scan, robust to marks that never close and to mixed straight/curly pairs.

export interface QuotedSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark, or the end of the paragraph (trailing spaces left out) when it never closed. */
  end: number;
  closed: boolean;
  /** Number of words inside the marks. */
  words: number;
}

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);
const WORD = /[\p{L}\p{N}]+/gu;
/** Every character the scan of findQuotedSpans acts on. */
const MARKS = /[\n"“”„«»'`]/;

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/**
 * Double-quoted spans, in text order, never nested. A paragraph (line) that ends inside an open quote closes it
 * there unless the next paragraph opens a quote again, which by the newspaper convention continues the same
 * quotation; then the span runs on to where that later quote closes.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let open = -1;
  /** Offset of the last non-space character before a newline while a quote is open. */
  let lineEnd = -1;
  const finish = (end: number, closed: boolean) => {
    let e = end;
    while (e > open && isSpace(text[e - 1])) e--;
    spans.push({ start: open, end: e, closed, words: countWords(text.slice(open, e)) });
    open = -1;
  };
  const marks = new RegExp(MARKS.source, 'g');
  for (let i = 0; i < text.length; i++) {
    // Only line breaks and quotation marks (or the first of a '' or `` pair) do anything: skip to the next.
    marks.lastIndex = i;
    const next = marks.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i]!;
    if (ch === '\n' && open >= 0) {
      lineEnd = i;
      // Look past blank lines: does the next paragraph open a quote?
      let j = i;
      while (j < text.length && isSpace(text[j])) j++;
      const next = text[j];
      const nextOpens = next !== undefined && (OPENERS.has(next) || next === '"' || text.startsWith("''", j) || text.startsWith('``', j));
      if (nextOpens) {
        i = j; // continue the quotation; the mark at j is its re-opening, not a new quote
        continue;
      }
      finish(lineEnd, false);
      continue;
    }
    const two = text.startsWith("''", i) ? "''" : text.startsWith('``', i) ? '``' : '';
    if (open < 0) {
      if (OPENERS.has(ch) || ch === '"' || two === '``') {
        open = i;
        if (two) i++;
      } else if (two === "''" && (isSpace(text[i - 1]) || !isLetter(text[i - 1])) && isLetter(text[i + 2])) {
        open = i;
        i++;
      } else if (ch === '”' && isSpace(text[i - 1]) && isLetter(text[i + 1])) {
        open = i; // a closing mark used as an opener
      }
      continue;
    }
    if (CLOSERS.has(ch) || ch === '"' || two === "''") {
      const end = i + (two ? 2 : 1);
      finish(end, true);
      i = end - 1;
    } else if (OPENERS.has(ch) && i > open + 1 && isSpace(text[i - 1])) {
      // A new opener while one is open: the first never closed; it ends before this one.
      finish(i, false);
      open = i;
    }
  }
  if (open >= 0) finish(text.length, false);
  return spans;
}

/**
 * Single-quoted spans at top level ('declared …'), only where the marks cannot be apostrophes: the opener follows a
 * space and precedes a letter, the closer follows a letter or punctuation and precedes a space, punctuation or the
 * end of the line, on one line, with at least `minWords` words.
 */
export function findSingleQuotedSpans(text: string, taken: QuotedSpan[], minWords = 3): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const pattern = /(?<=^|[\s(\[—–-])['‘](?=\p{L})([^'‘’\n]{1,600}?[\p{L}\p{N}.,!?])['’](?=$|[\s.,;:!?)\]—–-])/gmu;
  let t = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    while (t < taken.length && taken[t]!.end <= start) t++;
    if (t < taken.length && taken[t]!.start < end) continue;
    const words = countWords(match[1]!);
    if (words >= minWords) spans.push({ start, end, closed: true, words });
  }
  return spans;
}
