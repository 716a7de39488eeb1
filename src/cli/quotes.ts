// `quotes FILE...`: the quotes of each text file with speakers and cues, one JSON line per file.
import { readFile } from 'node:fs/promises';
import { findQuotes, type Quote, type TextSpan } from '../brief/quotes/quotes.js';
import { cleanTextMapped } from '../clean/clean.js';
import { decodeBytes } from '../read/decode.js';
import { say, writeLine } from './io.js';

/** Offsets of a span found in cleaned text, mapped back to the decoded file text (end maps via its last character). */
function mapSpan<T extends TextSpan>(span: T, raw: string, toSource: (offset: number) => number): T {
  const start = toSource(span.start);
  const end = span.end > span.start ? toSource(span.end - 1) + 1 : start;
  return { ...span, start, end: Math.max(start, end), text: raw.slice(start, Math.max(start, end)) };
}

/** The quotes of one decoded text: found in the cleaned text (page furniture removed), offsets into `raw`. */
export function quotesOfText(raw: string, options: { clean: boolean }): Quote[] {
  if (!options.clean) return findQuotes(raw);
  const cleaned = cleanTextMapped(raw);
  const toSource = cleaned.toSource;
  return findQuotes(cleaned.text).map((quote) => ({
    ...mapSpan(quote, raw, toSource),
    speaker: quote.speaker && mapSpan(quote.speaker, raw, toSource),
    cue: quote.cue && mapSpan(quote.cue, raw, toSource),
    reportedBy: quote.reportedBy && mapSpan(quote.reportedBy, raw, toSource),
  }));
}

/** `quotes [--no-clean] FILE...`; a file that cannot be read is reported and skipped (exit code 1 at the end). */
export async function quotesCommand(files: string[], options: { clean: boolean }): Promise<number> {
  let failed = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      say(`${file}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      say(`${file}: ${decoded.reason} [${decoded.rule}]`);
      failed++;
      continue;
    }
    for (const note of decoded.decoded.notes) say(`${file}: ${note.reason} [${note.rule}]`);
    let quotes: Quote[];
    try {
      quotes = quotesOfText(decoded.decoded.text, options);
    } catch (error) {
      say(`${file}: quote finding failed: ${(error as Error).message}`);
      failed++;
      continue;
    }
    await writeLine(JSON.stringify({ file, quotes }));
  }
  return failed ? 1 : 0;
}
