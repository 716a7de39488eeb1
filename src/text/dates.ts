// One date parser for every stage: a date string as found (markup, feed, HTTP header, JSONL field) -> ISO 8601.

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Years outside this range are template placeholders (0001-01-01) or garbage, not publish times. */
const PLAUSIBLE = (year: number): boolean => year >= 1990 && year <= 2100;

/**
 * A date or date-time in ISO 8601, or undefined when the value is not a complete date. Zoned date-times
 * become UTC instants; a date stays a date (`2021-01-07`); a date-time without a zone keeps its local form
 * (`2021-01-07T10:30:00`: we cannot know the zone, and guessing the machine's would make output depend on
 * it). Epoch seconds and milliseconds are instants. RFC 2822 and other zoned forms go through Date.parse;
 * a value that only partly parses (a month without a day, a time without a date) is refused, never
 * completed from defaults.
 */
export function normalizeDate(raw: string | number | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) && PLAUSIBLE(new Date(raw).getUTCFullYear()) ? new Date(raw).toISOString() : undefined;
  const value = squash(raw);
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|GMT|UTC)?)?$/i.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, , zone] = iso;
    if (!PLAUSIBLE(Number(y)) || Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > daysIn(Number(y), Number(mo))) return undefined;
    if (h === undefined) return `${y}-${mo}-${d}`;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
    const local = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}`;
    if (!zone) return local;
    const upper = zone.toUpperCase();
    const offset = upper === 'Z' || upper === 'GMT' || upper === 'UTC' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    const time = Date.parse(`${local}${offset}`);
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  }
  if (/^\d{10}$/.test(value)) return normalizeDate(Number(value) * 1000);
  if (/^\d{12,13}$/.test(value)) return normalizeDate(Number(value));
  // Other forms must name a day, a month and a year, and a zone when they give a time: Date.parse reads
  // "Jan 2021" as the 1st and a zoneless "Jan 7 2021 10:30" in the machine's zone.
  const hasYear = /\b(?:19|20)\d\d\b/.test(value);
  const hasMonth = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(value);
  const hasDay = /\b(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?\b(?!:)/i.test(value.replace(/\b(?:19|20)\d\d\b/, ''));
  if (!hasYear || !hasMonth || !hasDay) return undefined;
  const hasTime = /\b\d{1,2}:\d\d/.test(value);
  const hasZone = /(?:\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\b)/.test(value);
  if (!hasTime) {
    const time = Date.parse(`${value} 00:00 UTC`);
    if (Number.isNaN(time)) return undefined;
    const date = new Date(time);
    return PLAUSIBLE(date.getUTCFullYear()) ? date.toISOString().slice(0, 10) : undefined;
  }
  if (!hasZone) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return PLAUSIBLE(new Date(time).getUTCFullYear()) ? new Date(time).toISOString() : undefined;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO date (`2021-01-07`) or local date-time as the UTC instant it would be, for ordering; undefined if not a date. */
export function instantOf(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  if (/^\d{4}-\d\d-\d\d$/.test(iso)) return `${iso}T00:00:00.000Z`;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(iso)) return `${iso}.000Z`;
  return iso;
}
