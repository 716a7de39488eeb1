// The clean stage: runs the numbered passes over an article's text and records what it removed.
import type { Article } from '../article.js';
import { normalizeUnicode, normalizeUnicodeMapped } from './01-unicode.js';
import { dropNoiseLines, type RemovedLine } from './02-lines.js';
import { splitHead } from './03-head.js';
import { cutTail } from './04-tail.js';
import { dropDateLines } from './05-date-lines.js';
import { SourceMap, SourceMapBuilder } from '../text/source-map.js';
import { extractBody, type ReadabilityFields } from './html/extract.js';

declare module '../article.js' {
  interface ArticleData {
    /** Head lines of a plain-text page (title candidates), for describe. */
    headLines?: string[];
    /** Lines the clean stage removed, with the rule that removed each. */
    removed?: RemovedLine[];
    /** Offsets of `article.text` back into the input text (`article.input.text`) as given. */
    sourceMap?: SourceMap;
    /** Readability's title, byline, site name and date for an HTML page, for describe's fallbacks. */
    readability?: ReadabilityFields;
  }
}

/**
 * The body of an HTML article, extracted from the DOM the reader left on it: this text becomes the
 * article's input text, the one offsets refer to. The DOM is dropped afterwards (memory stays flat).
 */
function extractHtmlBody(article: Article): void {
  const page = article.data.page;
  if (!page?.document || article.input.text !== undefined) return;
  const metadata = page.metadata;
  const body = extractBody(page.document, {
    candidates: metadata.titles.map((t) => t.value),
    headline: metadata.headline,
    outlet: metadata.outlets[0]?.value,
  });
  page.document = undefined;
  article.input.text = body.text;
  article.data.readability = body.readability;
  for (const note of body.notes) article.message(note.rule, note.reason);
}

export interface CleanResult {
  text: string;
  headLines: string[];
  removed: RemovedLine[];
  /** Offsets of `text` back into the raw text. */
  map: SourceMap;
}

/**
 * Clean plain text (or text an HTML extractor produced): paragraphs separated by blank lines.
 * `fromHtml`: the extractor already took the title, head and tail away, so those passes are skipped.
 */
export function cleanText(raw: string, options: { fromHtml?: boolean } = {}): CleanResult {
  const normalized = normalizeUnicodeMapped(raw);
  const passes = cleanPasses(normalized.text, options);
  return { text: passes.text, headLines: passes.headLines, removed: passes.removed, map: mapParagraphs(passes.paragraphs, passes.lines, normalized.map) };
}

/** The passes of `cleanText` after the Unicode pass, without mapping the result back to the raw text. */
function cleanPasses(normalized: string, options: { fromHtml?: boolean }) {
  const removed: RemovedLine[] = [];
  const lines = normalized.split('\n');
  const kept = dropNoiseLines(lines, removed);
  const { lines: headLines, body } = options.fromHtml ? { lines: [], body: kept } : splitHead(kept, removed);
  // Readability already bounds an HTML article; the tail pass is for plain-text pages.
  const tail = options.fromHtml ? dropDateLines(body, removed) : cutTail(body, removed);
  const paragraphs = tail.filter((line) => line !== '').map(collapse);
  return { text: paragraphs.join('\n\n'), headLines, removed, paragraphs, lines };
}

/** A line trimmed, its runs of spaces and tabs made one space (most lines have none: returned as trimmed). */
function collapse(line: string): string {
  const trimmed = line.trim();
  return trimmed.indexOf('  ') === -1 && trimmed.indexOf('\t') === -1 ? trimmed : trimmed.replace(/[ \t]+/g, ' ');
}
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/**
 * The passes keep whole lines in order and only trim and collapse their spaces, so each paragraph
 * is found again as the next line it collapses from; within it, a collapsed space stands for the
 * run of spaces it replaced.
 */
function mapParagraphs(paragraphs: string[], lines: string[], normalizedMap: SourceMap): SourceMap {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const builder = new SourceMapBuilder();
  let next = 0;
  let previousEnd = 0;
  paragraphs.forEach((paragraph, index) => {
    let found = next;
    while (found < lines.length && collapse(lines[found]!) !== paragraph) found++;
    if (index > 0) builder.replace(normalizedMap.toSource(Math.max(0, previousEnd - 1)), 2);
    if (found === lines.length) {
      // Not expected (a pass that rewrote a line): map the paragraph to where the last one ended.
      builder.replace(normalizedMap.toSource(previousEnd), paragraph.length);
      return;
    }
    const line = lines[found]!;
    const base = lineStarts[found]!;
    let i = 0;
    while (i < line.length && /\s/.test(line[i]!)) i++;
    // Characters are copied in stretches of the line; a collapsed space is the first of its run.
    let stretch = i;
    for (let j = 0; j < paragraph.length; j++) {
      if (paragraph[j] === ' ' && isBlank(line[i])) {
        i++;
        builder.copyThrough(normalizedMap, base + stretch, i - stretch);
        while (i < line.length && isBlank(line[i])) i++;
        stretch = i;
      } else i++;
    }
    builder.copyThrough(normalizedMap, base + stretch, i - stretch);
    previousEnd = base + i;
    next = found + 1;
  });
  return builder.build(normalizedMap.sourceLength);
}

/**
 * The clean stage on one article. `sourceMap: false` leaves `data.sourceMap` unset, for tools that only
 * compare texts (`dupes`): the same text, without the offsets back to the input (most of the stage's time).
 */
export function clean(article: Article, options: { sourceMap?: boolean } = {}): void {
  extractHtmlBody(article);
  const fromHtml = article.input.html !== undefined;
  const raw = article.input.text ?? '';
  const result = options.sourceMap === false ? cleanPasses(normalizeUnicode(raw), { fromHtml }) : cleanText(raw, { fromHtml });
  article.text = result.text;
  article.data.headLines = result.headLines;
  article.data.removed = result.removed;
  if ('map' in result) article.data.sourceMap = result.map;
  const title = article.title ?? article.data.page?.metadata.titles[0]?.value ?? article.data.readability?.title;
  if (article.text === '' && !title) article.message('clean:empty', 'no article text left after cleaning', 'error');
  else if (article.text === '') article.message('clean:empty', 'no body text; only the title is used');
}

/** Cleaned text with the way back: `toSource` maps an offset of `text` to the raw text (ranges: `map.rangeToSource`). */
export function cleanTextMapped(raw: string, options: { fromHtml?: boolean } = {}): { text: string; map: SourceMap; toSource: (offset: number) => number } {
  const { text, map } = cleanText(raw, options);
  return { text, map, toSource: (offset) => map.toSource(offset) };
}
