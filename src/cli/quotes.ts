// `quotes FILE...`: the quotes of each text file with speakers and cues, one JSON line per file.
import { findQuotes, type Quote, type TextSpan } from '../brief/quotes/quotes.js';
import { cleanText } from '../clean/clean.js';
import { prepare } from '../pipeline.js';
import { readDocument } from '../read/files.js';
import { say, writeLine } from './output.js';

/** Offsets of a span found in cleaned text, mapped back to the decoded file text (end maps via its last character). */
function mapSpan<T extends TextSpan>(span: T, raw: string, toSource: (offset: number) => number): T {
  const start = toSource(span.start);
  const end = span.end > span.start ? toSource(span.end - 1) + 1 : start;
  return { ...span, start, end: Math.max(start, end), text: raw.slice(start, Math.max(start, end)) };
}

const mapQuote = (quote: Quote, raw: string, toSource: (offset: number) => number): Quote => ({
  ...mapSpan(quote, raw, toSource),
  speaker: quote.speaker && mapSpan(quote.speaker, raw, toSource),
  cue: quote.cue && mapSpan(quote.cue, raw, toSource),
  reportedBy: quote.reportedBy && mapSpan(quote.reportedBy, raw, toSource),
});

/**
 * The quotes of one decoded text: found in the cleaned text (page furniture removed), offsets into `raw`. The head
 * lines the cleaner sets apart (title, standfirst) are searched too: a headline such as `Warren: Trump Is a ‘Proven
 * Failure’` attributes words like any sentence. A head line is used only where it is found verbatim in `raw`.
 */
export function quotesOfText(raw: string, options: { clean: boolean }): Quote[] {
  if (!options.clean) return findQuotes(raw);
  const cleaned = cleanText(raw);
  const toSource = (offset: number) => cleaned.map.toSource(offset);
  const body = findQuotes(cleaned.text).map((quote) => mapQuote(quote, raw, toSource));
  const bodyStart = cleaned.text ? toSource(0) : raw.length;
  const head: Quote[] = [];
  let cursor = 0;
  for (const line of cleaned.headLines) {
    const at = raw.indexOf(line, cursor);
    if (at < 0 || at + line.length > bodyStart) continue;
    cursor = at + line.length;
    head.push(...findQuotes(line).map((quote) => mapQuote(quote, raw, (offset) => at + offset)));
  }
  return head.length ? [...head, ...body] : body;
}

/**
 * `quotes [--no-clean] FILE...`; a file that cannot be read is reported and skipped (exit code 1 at the end).
 * Text files (also .gz) are searched as decoded; HTML pages in their extracted text, which offsets then index
 * (the `text` that `extract` prints).
 */
export async function quotesCommand(files: string[], options: { clean: boolean }): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const html = /\.x?html?(\.gz)?$/i.test(file);
    const read = await readDocument(file, html ? 'html' : 'text');
    if (!read.ok) {
      say(`${file}: ${read.failure.reason} [${read.failure.rule}]`);
      failed++;
      continue;
    }
    const article = read.article;
    for (const note of article.messages) say(`${file}: ${note.reason} [${note.rule}]`);
    let quotes: Quote[];
    try {
      quotes = html ? findQuotes(prepare(article, ['clean']).text) : quotesOfText(article.input.text ?? '', options);
    } catch (error) {
      say(`${file}: quote finding failed: ${(error as Error).message}`);
      failed++;
      continue;
    }
    await writeLine(JSON.stringify({ file, quotes }));
  }
  return failed ? 1 : 0;
}
