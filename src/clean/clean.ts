// The clean stage: runs the numbered passes over an article's text and records what it removed.
import type { Article } from '../article.js';
import { normalizeUnicode } from './01-unicode.js';
import { dropNoiseLines, type RemovedLine } from './02-lines.js';
import { splitHead } from './03-head.js';
import { cutTail } from './04-tail.js';

declare module '../article.js' {
  interface ArticleData {
    /** Head lines of a plain-text page (title candidates), for describe. */
    headLines?: string[];
    /** Lines the clean stage removed, with the rule that removed each. */
    removed?: RemovedLine[];
  }
}

export interface CleanResult {
  text: string;
  headLines: string[];
  removed: RemovedLine[];
}

/**
 * Clean plain text (or text an HTML extractor produced): paragraphs separated by blank lines.
 * `fromHtml`: the extractor already took the title, head and tail away, so those passes are skipped.
 */
export function cleanText(raw: string, options: { fromHtml?: boolean } = {}): CleanResult {
  const removed: RemovedLine[] = [];
  const lines = normalizeUnicode(raw).split('\n');
  const kept = dropNoiseLines(lines, removed);
  const { lines: headLines, body } = options.fromHtml ? { lines: [], body: kept } : splitHead(kept, removed);
  // Readability already bounds an HTML article; the tail pass is for plain-text pages.
  const tail = options.fromHtml ? body : cutTail(body, removed);
  const paragraphs = tail.filter((line) => line !== '').map((line) => line.replace(/[ \t]+/g, ' '));
  return { text: paragraphs.join('\n\n'), headLines, removed };
}

/** The clean stage on one article. */
export function clean(article: Article): void {
  const result = cleanText(article.input.text ?? '', { fromHtml: article.input.html !== undefined });
  article.text = result.text;
  article.data.headLines = result.headLines;
  article.data.removed = result.removed;
  if (article.text === '' && !article.title) article.message('clean:empty', 'no article text left after cleaning', 'error');
  else if (article.text === '') article.message('clean:empty', 'no body text; only the title is used');
}
