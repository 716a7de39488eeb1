// Calendar days as numbers (no Date objects, no time zone): parsing, arithmetic, and the day range of a TimeML value.

/** A day number: days since 1970-01-01 in the proleptic Gregorian calendar. */
export type DayNumber = number;

/** Days since 1970-01-01 of a Y-M-D (month 1..12); the civil-from-days algorithm of H. Hinnant, exact for any year. */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The Y-M-D of a day number. */
export function civil(n: DayNumber): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a day number. */
export function isoDay(n: DayNumber): string {
  const { year, month, day } = civil(n);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(n: DayNumber): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** True when y-m-d names a real calendar day. */
export function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const { month: m } = civil(dayNumber(year, month, day));
  return m === month;
}

/**
 * The calendar day an ISO 8601 time names as written (`2021-01-08T21:17:00Z` -> 2021-01-08): the writer's own date,
 * never shifted to this machine's zone. Epoch milliseconds (digits only) count in UTC. Undefined when unreadable.
 */
export function dayOfIso(iso: string | undefined): DayNumber | undefined {
  if (!iso) return undefined;
  const text = iso.trim();
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (ymd) {
    const [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    return validDay(year, month, day) ? dayNumber(year, month, day) : undefined;
  }
  if (/^-?\d{9,15}$/.test(text)) return Math.floor(Number(text) / 86_400_000);
  return undefined;
}

/** The first and last day a TimeML date value covers (`2021-01-06`, `2021-01`, `2021`, `2021-W01`, `2021-Q1`, `2020-SU`, `199X`), or undefined. */
export function rangeOfValue(value: string): { first: DayNumber; last: DayNumber; precision: 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' } | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return undefined;
    const n = dayNumber(y, mo, d);
    return { first: n, last: n, precision: 'day' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { first: dayNumber(y, mo, 1), last: dayNumber(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) - 1, precision: 'month' };
  }
  m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (m) {
    // ISO week 1 holds the year's first Thursday.
    const jan4 = dayNumber(Number(m[1]), 1, 4);
    const monday = jan4 - (weekdayOf(jan4) - 1) + (Number(m[2]) - 1) * 7;
    return /-WE$/.test(value) ? { first: monday + 5, last: monday + 6, precision: 'week' } : { first: monday, last: monday + 6, precision: 'week' };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { first: dayNumber(y, q * 3 - 2, 1), last: dayNumber(q === 4 ? y + 1 : y, q === 4 ? 1 : q * 3 + 1, 1) - 1, precision: 'month' };
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[m[2] as 'SP' | 'SU' | 'FA' | 'WI'];
    // Winter belongs to the year of its January (timex's convention): December of the year before.
    const first = startMonth === 12 ? dayNumber(y - 1, 12, 1) : dayNumber(y, startMonth, 1);
    const last = startMonth === 12 ? dayNumber(y, 3, 1) - 1 : dayNumber(y, startMonth + 3, 1) - 1;
    return { first, last, precision: 'season' };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    return { first: dayNumber(y, 1, 1), last: dayNumber(y + 1, 1, 1) - 1, precision: 'year' };
  }
  m = /^(\d{3})X$/.exec(value);
  if (m) {
    const y = Number(m[1]) * 10;
    return { first: dayNumber(y, 1, 1), last: dayNumber(y + 10, 1, 1) - 1, precision: 'decade' };
  }
  return undefined;
}
