// Publish time from the text when the input gives none: "Publish Date: 08 January 2021 - 21:17" and the like.
import { createRequire } from 'node:module';

type ChronoEnglish = typeof import('chrono-node/en');
let english: ChronoEnglish | undefined;
/** chrono's English parsers, loaded at the first date line (a few hundred modules; most pages give their date in metadata). */
const chronoEnglish = (): ChronoEnglish => (english ??= createRequire(import.meta.url)('chrono-node/en') as ChronoEnglish);

const LABELLED = /^(?:publish(?:ed)?(?: date| on)?|posted(?: on)?|date|updated|last updated)\s*:?\s*(.+)$/i;

/** Parse one date-bearing line as UTC; undefined when chrono finds no complete date. */
function parseLine(line: string): Date | undefined {
  const cleaned = line.replace(/\s+-\s+(\d{1,2}:\d\d)/, ' $1');
  const [result] = chronoEnglish().strict.parse(cleaned, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  if (!result || !result.start.isCertain('year') || !result.start.isCertain('month') || !result.start.isCertain('day')) return undefined;
  const c = result.start;
  const hour = c.isCertain('hour') ? c.get('hour') ?? 0 : 0;
  const minute = c.isCertain('minute') ? c.get('minute') ?? 0 : 0;
  return new Date(Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!, hour, minute));
}

/**
 * The publish time stated in the first lines of a page: a labelled line ("Publish Date: …") wins,
 * else the first line that is only a date. Returns ISO 8601 or undefined.
 */
export function publishedFromText(raw: string): string | undefined {
  const lines = raw.split('\n', 40).map((line) => line.trim()).filter(Boolean).slice(0, 15);
  for (const line of lines) {
    const labelled = LABELLED.exec(line);
    if (labelled && line.length < 80) {
      const date = parseLine(labelled[1]!);
      if (date) return date.toISOString();
    }
  }
  for (const line of lines) {
    if (line.length > 40) continue;
    const date = parseLine(line);
    if (date) return date.toISOString();
  }
  return undefined;
}
