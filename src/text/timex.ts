// Time expressions in English news text: find them (TimeML TIMEX3 spans) and normalise them against the document creation time.

/** A time expression as TimeML's TIMEX3 describes it; offsets are JavaScript string indices into the text. */
export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TimeML value: `2021-01-07`, `2021-W02`, `P2Y`, `PRESENT_REF`, `1998-SU`, `1998-08-07TMO` … */
  value: string;
}

type TimexType = TimeExpression['type'];

/** A calendar day, kept as numbers so that no time zone can shift it. */
interface Day {
  year: number;
  month: number; // 1..12
  day: number;
}

/** What a rule may use to normalise its match. */
interface Scene {
  text: string;
  dct: Day;
  /** The last day a preceding expression resolved to; anaphora ("the next morning") count from it. */
  anchor: Day;
  /** The last month and year a preceding expression named ("in June 1998 … later that year"). */
  anchorMonth: { year: number; month: number };
  anchorYear: number;
}

/** A point an expression fixes at its own granularity: a year, a month of a year, or a day. */
interface Point {
  year: number;
  month?: number;
  day?: number;
}

/** A rule's finding: a span of its match plus a value, computed late so that anaphora see the anchor. */
interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  value: (scene: Scene) => string;
  /** The day this expression fixes, which becomes the anchor for the next ones. */
  day?: (scene: Scene) => Day | undefined;
  /** A coarser point (a year, a month) this expression fixes, the anchor for "that year", "later that month". */
  point?: (scene: Scene) => Point | undefined;
}

interface Rule {
  pattern: RegExp;
  /** Returns the candidate for one match, or undefined to reject it. Offsets are relative to the match. */
  build: (match: RegExpExecArray, text: string) => Omit<Candidate, 'start' | 'end'> & { from?: number; to?: number } | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Word lists

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, couple: 2, 'a couple of': 2, 'a dozen': 12, 'half a dozen': 6,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};
/** Words for an unknown count: "several years" is PXY in TimeML. */
const VAGUE_COUNTS = new Set(['several', 'few', 'a few', 'many', 'some', 'recent', 'coming', 'next few', 'past few', 'last few']);

const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
const PARTS_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

// Regular-expression pieces. Month abbreviations take an optional period; "May" and "March" are checked in code.
const MONTH_RE =
  "(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)(?![\\w']))";
const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const NUMBER_WORD_RE =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|half a dozen|dozen|a couple of|couple of)';
const NUMBER_RE = `(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?(?: 1/2)?|${NUMBER_WORD_RE}(?: and a half)?)`;
const UNIT_RE = '(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centuries)';
const YEAR_RE = '(?:1[0-9]{3}|20[0-9]{2})';
const DAY_NUMBER_RE = '(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** Time zones written after a clock time; only abbreviations that are no English word, so case may be ignored. */
const ZONE_RE = '(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|IST|JST|KST|HKT|SGT|AEST|AEDT|MSK|WIB|PKT|ET|PT|local time)';

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic (UTC dates, so the host's time zone never moves a day)

const toDate = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day));
const fromDate = (date: Date): Day => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
const addDays = (d: Day, n: number) => fromDate(new Date(toDate(d).getTime() + n * 86_400_000));
const addMonths = (d: Day, n: number): Day => {
  const index = d.year * 12 + (d.month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
};
/** ISO weekday, Monday 1 … Sunday 7. */
const weekday = (d: Day) => ((toDate(d).getUTCDay() + 6) % 7) + 1;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayValue = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
const monthValue = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}`;

/** ISO 8601 week: the week belongs to the year holding its Thursday. */
function weekValue(d: Day): string {
  const thursday = addDays(d, 4 - weekday(d));
  const firstOfYear = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor((toDate(thursday).getTime() - toDate(firstOfYear).getTime()) / (7 * 86_400_000)) + 1;
  return `${thursday.year}-W${pad(week)}`;
}

/** What `parseReference` gives: the calendar day of the reference and its clock time when one is written. */
export interface Reference {
  day: Day;
  time?: string;
}

/** The forms a reference may take: `YYYY-MM-DD`, optionally `THH:MM`, `:SS`, fraction, and `Z` or `±HH:MM`. */
const REFERENCE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses the document creation time (`1998-08-07`, `1998-08-07T06:18`, `2021-01-08T10:00:00+09:00`). The day is the
 * one written, never shifted by an offset, so no time zone moves it. Anything else, or an impossible date, is
 * undefined: callers decide, and nothing falls back to today.
 */
export function parseReference(reference: string): Reference | undefined {
  const match = REFERENCE_PATTERN.exec(reference.trim());
  if (!match) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > daysInMonth(day.year, day.month)) return undefined;
  if (match[4] !== undefined && (Number(match[4]) > 24 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 60)) return undefined;
  return { day, time: match[4] ? `${match[4]}:${match[5]}` : undefined };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The number a count word or numeral stands for; NaN for vague counts. */
export function parseNumber(raw: string): number {
  let text = raw.toLowerCase().trim().replace(/,/g, '');
  let extra = 0;
  if (/ and a half$/.test(text)) {
    extra = 0.5;
    text = text.replace(/ and a half$/, '');
  } else if (/ 1\/2$/.test(text)) {
    extra = 0.5;
    text = text.replace(/ 1\/2$/, '');
  }
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) + extra;
  if (text in SMALL_NUMBERS) return SMALL_NUMBERS[text]! + extra;
  const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)$/.exec(text);
  if (compound) return SMALL_NUMBERS[compound[1]!]! + SMALL_NUMBERS[compound[2]!]! + extra;
  const hundred = /^(?:a |one )?hundred$/.exec(text);
  if (hundred) return 100 + extra;
  return Number.NaN;
}

// ---------------------------------------------------------------------------------------------------------------
// Resolution helpers

/** Letters of a unit in a TimeML duration, and whether it belongs after the `T`. */
function unitOf(raw: string): { letter: string; time: boolean; factor: number } {
  const unit = raw.toLowerCase().replace(/-.*$/, '').replace(/centuries/, 'century').replace(/s$/, '');
  switch (unit) {
    case 'second': return { letter: 'S', time: true, factor: 1 };
    case 'minute': return { letter: 'M', time: true, factor: 1 };
    case 'hour': return { letter: 'H', time: true, factor: 1 };
    case 'day': return { letter: 'D', time: false, factor: 1 };
    case 'weekend': return { letter: 'D', time: false, factor: 2 };
    case 'week': return { letter: 'W', time: false, factor: 1 };
    case 'fortnight': return { letter: 'W', time: false, factor: 2 };
    case 'month': return { letter: 'M', time: false, factor: 1 };
    case 'decade': return { letter: 'Y', time: false, factor: 10 };
    case 'century': return { letter: 'Y', time: false, factor: 100 };
    default: return { letter: 'Y', time: false, factor: 1 };
  }
}

/** A fraction moves to the next smaller unit: 5 1/2 hours is PT5H30M, 2 1/2 years P2Y6M. */
const SMALLER: Record<string, { letter: string; time: boolean; per: number }> = {
  Y: { letter: 'M', time: false, per: 12 },
  W: { letter: 'D', time: false, per: 7 },
  D: { letter: 'H', time: true, per: 24 },
  H: { letter: 'M', time: true, per: 60 },
};

/** TimeML duration value for a count and unit; an unknown count gives `PXY`-style values. */
export function durationValue(count: number, unitWord: string): string {
  const unit = unitOf(unitWord);
  const prefix = unit.time ? 'PT' : 'P';
  if (Number.isNaN(count)) return `${prefix}X${unit.letter}`;
  const amount = count * unit.factor;
  const whole = Math.floor(amount);
  const fraction = amount - whole;
  const smaller = SMALLER[unit.letter];
  if (fraction > 0 && smaller && !(unit.letter === 'M' && !unit.time)) {
    const rest = Math.round(fraction * smaller.per);
    const head = whole ? `${whole}${unit.letter}` : '';
    if (smaller.time && !unit.time) return `P${head}T${rest}${smaller.letter}`;
    return `${prefix}${head}${rest}${smaller.letter}`;
  }
  return `${prefix}${Number(amount.toFixed(2))}${unit.letter}`;
}

/** The day a count of units before (negative) or after the reference lands on, at the unit's granularity. */
function shiftedValue(reference: Day, count: number, unitWord: string): string {
  const unit = unitOf(unitWord);
  const amount = count * unit.factor;
  if (unit.time) return dayValue(reference);
  switch (unit.letter) {
    case 'D': return dayValue(addDays(reference, amount));
    case 'W': return weekValue(addDays(reference, amount * 7));
    case 'M': return monthValue(addMonths(reference, amount));
    default: return pad(reference.year + amount, 4);
  }
}

/** Future markers that settle the tense by themselves. */
const STRONG_FUTURE_WORDS = "will|won't|wo n't|'ll|shall|going to|next|upcoming|tomorrow";
/** Markers that usually look ahead but also occur in past narration ("a service planned for Saturday was cancelled"). */
const WEAK_FUTURE_WORDS =
  'scheduled|due to|set to|plan(?:s|ned|ning)? to|planned|planning|intends?|intending|expected|expects|is to|are to|would(?! not\\b| never\\b)|until|as early as|as soon as|by next|starting|begins?|postponed|delayed|ready to';
const STRONG_FUTURE = new RegExp(`\\b(${STRONG_FUTURE_WORDS})\\b`, 'i');
const WEAK_FUTURE = new RegExp(`\\b(${WEAK_FUTURE_WORDS})\\b`, 'i');
/** A future marker opening the rest of a clause. */
const FUTURE_OPENING = new RegExp(`^(?:${STRONG_FUTURE_WORDS}|${WEAK_FUTURE_WORDS})\\b`, 'i');
/** A past-tense auxiliary in the same clause right after the expression ("Until Thursday, they had not …"). */
const PAST_AFTER = /^[^.;!?]{0,30}?\b(was|were|had|did|has been|have been)\b/i;
/** Where a later clause begins after an expression ("on Thursday, for what is to be …", "on June 8, and then …"). */
const LATER_CLAUSE =
  /,\s*(?:and|but|or|for|which|who|whom|whose|while|when|where|as|after|before|because|although|though|since|so|then|what|if|unless|whereas)\b|\s(?:and then|but|whereas|because)\s/i;

/** Irregular past forms that carry the tense of a clause by themselves. */
const PAST_IRREGULAR = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'went', 'came', 'met', 'took', 'made', 'left', 'began', 'saw', 'gave',
  'got', 'found', 'held', 'won', 'lost', 'fell', 'rose', 'led', 'sent', 'spent', 'paid', 'sold', 'bought', 'brought',
  'thought', 'caught', 'fought', 'flew', 'drew', 'wrote', 'spoke', 'broke', 'chose', 'ran', 'sat', 'stood', 'struck',
  'shot', 'became', 'knew', 'grew', 'threw', 'wore', 'swore', 'heard', 'kept', 'felt', 'built', 'sought', 'taught',
  'fled', 'drove', 'rode', 'stole', 'forgot', 'hung', 'arose', 'woke', 'withdrew', 'upheld', 'undertook', 'hid',
  'slid', 'swam', 'sank', 'sang', 'rang', 'shook', 'stuck', 'swept', 'wept', 'slept', 'dug', 'fed', 'bled', 'sped',
  'laid', 'meant', 'dealt', 'lent', 'tore', 'blew',
]);
/** Words ending in -ed that are no past forms, or mostly adjectives ("hundred", "naked", "armed", "alleged"). */
const NOT_PAST_ED = new Set([
  'hundred', 'kindred', 'hatred', 'naked', 'wicked', 'sacred', 'beloved', 'rugged', 'ragged', 'wretched', 'crooked',
  'embed', 'shred', 'infrared', 'moped', 'learned', 'aged', 'armed', 'based', 'united', 'alleged', 'reputed',
  'supposed', 'detailed', 'limited', 'advanced', 'experienced', 'married', 'talented', 'skilled', 'concerned',
  'interested', 'related', 'unprecedented', 'unidentified', 'unnamed', 'masked', 'wanted', 'called',
]);
/** Of the -eed words these are past forms; the rest (need, speed, proceed, exceed, indeed …) are not. */
const PAST_EED = new Set(['agreed', 'disagreed', 'freed', 'decreed', 'guaranteed', 'refereed']);
/** A word before a participle that makes it an adjective or part of a passive, not the clause's own tense. */
const NOT_FINITE_BEFORE = /^(the|a|an|this|that|these|those|his|her|its|their|our|my|your|be|been|being|is|are|am|get|gets|newly|recently|well|long|once|so)$/i;
/** An infinitive after a past verb ("agreed to meet", "was ordered to appear"): it looks ahead from the past. */
const INFINITIVE = /\bto\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|this\b|that\b|these\b|those\b|[A-Z0-9])[a-z]+/;

/** Whether a word of the clause before an expression is a past form of a verb that may govern it. */
function isPastVerb(word: string, previous: string | undefined): boolean {
  // Capitalised words are names or sentence openers ("United", "Ahmed"); words in capitals are read as written.
  if (/^[A-Z][a-z]/.test(word)) return false;
  const lower = word.toLowerCase();
  if (/^(was|were|had|did)$/.test(lower)) return true;
  const form = PAST_IRREGULAR.has(lower) || (/^[a-z]{3,}ed$/.test(lower) && !NOT_PAST_ED.has(lower) && (!/eed$/.test(lower) || PAST_EED.has(lower)));
  return form && (previous === undefined || !NOT_FINITE_BEFORE.test(previous));
}

/**
 * The tense of the verb that governs an expression, read right to left in its clause before it: 'past' when the
 * nearest verb there is a past form ("checked into the clinic on Thursday", "rear-ended a truck on June 8"), 'future'
 * when a future marker comes first ("will meet on Thursday", "was expected to be freed on …"), undefined when the
 * clause before has neither. A past verb followed by an infinitive ("agreed to meet on …", "was ordered to appear
 * on …") looks ahead from a past point and settles nothing.
 */
function governingTense(before: string): 'past' | 'future' | undefined {
  // "the Jan. 14 deadline": a date that modifies a noun is not placed by the clause's verb.
  if (/\b(the|a|an|its|his|her|their|our|this|that)\s+$/i.test(before)) return undefined;
  const words = [...before.matchAll(/[A-Za-z][A-Za-z']*/g)];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    const rest = before.slice(word.index);
    if (FUTURE_OPENING.test(rest) || /'ll$/i.test(word[0])) return 'future';
    // A modal, a present auxiliary or an infinitive ("must be returned by …", "the case is heard in …", "to go home
    // by …") heads a verb group that is no past form.
    if (/^(must|can|could|should|may|might|be|to|is|are|am|has|have|does|do)$/i.test(word[0])) return undefined;
    if (isPastVerb(word[0], words[i - 1]?.[0])) {
      // The present perfect takes no date of its own ("has invited them to a ceremony on …"): the date is another word's.
      if (/^(has|have|'ve|hasn't|haven't)$/i.test(words[i - 1]?.[0] ?? '')) return undefined;
      return INFINITIVE.test(rest.slice(word[0].length)) ? undefined : 'past';
    }
  }
  return undefined;
}

/** The part of a text window before an expression that belongs to its sentence. */
const clauseBefore = (window: string) => window.split(/[.!?;]\s|\n\n|``|''|"/).pop() ?? '';

/**
 * The tense of the clause around an expression, so that a bare weekday, month or holiday is resolved in the right
 * direction. The verb that governs the expression decides: the nearest one before it in its clause, or, when the
 * clause before has none, the main verb after it; a later clause ("…, for what is to be a long stay") does not.
 * A weekday in the possessive ("Wednesday's ruling") names a known event and needs a strong marker. Undefined when
 * nothing marks the tense: news narrates the past, but a date without a year may then still be the nearest one.
 */
function clauseTense(text: string, start: number, end: number): 'past' | 'future' | undefined {
  const before = clauseBefore(text.slice(Math.max(0, start - 70), start));
  const rest = text.slice(end, end + 40);
  let after = rest.split(/[.!?;]\s|\n|``|''|"/)[0] ?? '';
  // "said Friday": the day of the saying, which news reports the latest of (a date keeps its nearest year).
  if (/\b(said|says|announced|reported|told|added)\s*(on\s+)?$/i.test(before)) return undefined;
  const governing = governingTense(clauseBefore(text.slice(Math.max(0, start - 120), start)));
  if (governing === 'past') return 'past';
  // With a verb before it the expression sits in the predicate, and what follows a clause break is another clause.
  if (governing === 'future' || (before.match(/[A-Za-z]+/g) ?? []).length >= 3) after = after.split(LATER_CLAUSE)[0]!;
  const around = `${before} ${after}`;
  if (STRONG_FUTURE.test(around)) return 'future';
  if (/^'s\b/.test(rest)) return undefined;
  if (!WEAK_FUTURE.test(around)) return undefined;
  // "… for Saturday was canceled" narrates the past; "… on Saturday and were planning to …" still looks ahead.
  const past = PAST_AFTER.exec(after);
  if (!past || WEAK_FUTURE.test(after.slice(past.index + past[0].length))) return 'future';
  return 'past';
}

/** Whether the clause around an expression speaks of the future (see `clauseTense`). */
const speaksOfFuture = (text: string, start: number, end: number) => clauseTense(text, start, end) === 'future';

/** A weekday resolved as news writing uses it: the latest such day on or before the reference, unless the text looks ahead. */
function resolveWeekday(target: number, reference: Day, direction: 'past' | 'future' | 'last' | 'next' | 'this'): Day {
  const today = weekday(reference);
  switch (direction) {
    case 'future': return addDays(reference, (target - today + 7) % 7);
    case 'next': return addDays(reference, ((target - today + 7) % 7) || 7);
    case 'last': return addDays(reference, -(((today - target + 7) % 7) || 7));
    case 'this': return addDays(reference, target - today);
    default: return addDays(reference, -((today - target + 7) % 7));
  }
}

/** A month without a year: the closest such month to the reference, leaning on the tense when both are as far. */
function resolveMonth(month: number, reference: Day, direction: 'nearest' | 'past' | 'future' | 'last' | 'next' | 'this'): number {
  const { year } = reference;
  switch (direction) {
    case 'this': return year;
    case 'last': return month < reference.month ? year : year - 1;
    case 'next': return month > reference.month ? year : year + 1;
    case 'past': return month <= reference.month ? year : year - 1;
    case 'future': return month >= reference.month ? year : year + 1;
    default: {
      // News looks back more than ahead: a month ahead counts three times its distance.
      let best = year;
      let bestCost = Infinity;
      for (const candidate of [year - 1, year, year + 1]) {
        const distance = candidate * 12 + month - (year * 12 + reference.month);
        const cost = distance > 0 ? 3 * distance : -distance;
        if (cost < bestCost) {
          bestCost = cost;
          best = candidate;
        }
      }
      return best;
    }
  }
}

/**
 * A month and day without a year: in a past-tense clause the latest such day on or before the reference, otherwise
 * the year that puts the day closest to the reference, leaning on the tense.
 */
function resolveMonthDay(month: number, day: number, reference: Day, tense: 'past' | 'future' | undefined, weekdayWritten?: number): number {
  let options = [reference.year - 1, reference.year, reference.year + 1];
  // "Monday, Oct. 26": of the nearby years, only those where that day is a Monday.
  const agreeing = options.filter((year) => weekdayWritten === undefined || weekday({ year, month, day }) === weekdayWritten);
  if (agreeing.length) options = agreeing;
  if (tense === 'past') {
    const past = options.filter((year) => toDate({ year, month, day }) <= toDate(reference));
    if (past.length) return Math.max(...past);
  }
  const future = tense === 'future';
  let best = reference.year;
  let bestDistance = Infinity;
  for (const year of options) {
    const distance = (toDate({ year, month, day }).getTime() - toDate(reference).getTime()) / 86_400_000;
    // News looks back more than ahead, unless the tense says otherwise: the other side counts double.
    const cost = future ? (distance < 0 ? -2 * distance : distance) : distance > 0 ? 2 * distance : -distance;
    if (cost < bestDistance) {
      bestDistance = cost;
      best = year;
    }
  }
  return best;
}

function seasonOf(d: Day): { year: number; season: number } {
  // Seasons by meteorological months: winter Dec-Feb belongs to the year of its January.
  const index = Math.floor((d.month % 12) / 3); // 0 winter, 1 spring, 2 summer, 3 fall
  return { year: d.month === 12 ? d.year + 1 : d.year, season: index };
}
const SEASON_CODES = ['WI', 'SP', 'SU', 'FA'];

function resolveSeason(code: string, reference: Day, direction: 'last' | 'next' | 'this' | 'nearest'): string {
  const target = SEASON_CODES.indexOf(code);
  const current = seasonOf(reference);
  let year = reference.year;
  if (direction === 'last') year = target < current.season ? current.year : current.year - 1;
  else if (direction === 'next') year = target > current.season ? current.year : current.year + 1;
  else if (direction === 'this') year = current.year;
  return `${year}-${code}`;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): Day {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}
/** The n-th (or last, n = -1) given weekday of a month. */
function nthWeekday(year: number, month: number, target: number, n: number): Day {
  if (n < 0) {
    const last = addDays(addMonths({ year, month, day: 1 }, 1), -1);
    return addDays(last, -((weekday(last) - target + 7) % 7));
  }
  const first = { year, month, day: 1 };
  return addDays(first, ((target - weekday(first) + 7) % 7) + 7 * (n - 1));
}
const HOLIDAYS: Record<string, (year: number) => Day> = {
  'new year\'s day': (year) => ({ year, month: 1, day: 1 }),
  'new year\'s eve': (year) => ({ year, month: 12, day: 31 }),
  'christmas': (year) => ({ year, month: 12, day: 25 }),
  'christmas day': (year) => ({ year, month: 12, day: 25 }),
  'christmas eve': (year) => ({ year, month: 12, day: 24 }),
  'independence day': (year) => ({ year, month: 7, day: 4 }),
  'halloween': (year) => ({ year, month: 10, day: 31 }),
  'valentine\'s day': (year) => ({ year, month: 2, day: 14 }),
  'thanksgiving': (year) => nthWeekday(year, 11, 4, 4),
  'thanksgiving day': (year) => nthWeekday(year, 11, 4, 4),
  'labor day': (year) => nthWeekday(year, 9, 1, 1),
  'memorial day': (year) => nthWeekday(year, 5, 1, -1),
  'election day': (year) => addDays(nthWeekday(year, 11, 1, 1), 1),
  'easter': easter,
  'easter sunday': easter,
};

// ---------------------------------------------------------------------------------------------------------------
// Rules. Each finds one kind of expression; overlaps are settled afterwards (longest first).

const fixed = (value: string) => () => value;
const direction = (word: string | undefined): 'last' | 'next' | 'this' | undefined => {
  const w = word?.toLowerCase();
  if (w === 'last' || w === 'past' || w === 'previous') return 'last';
  if (w === 'next' || w === 'coming') return 'next';
  if (w === 'this') return 'this';
  return undefined;
};
const monthNumber = (raw: string) => MONTHS[raw.toLowerCase().replace(/\.$/, '')]!;

/**
 * Whether a word is written as a name is: capitalised, or in text where letter case says nothing (in capitals, or
 * with no capital letter nearby, as scraped headlines and lower-case copy are).
 */
function nameCase(text: string, start: number, word: string): boolean {
  if (/^[A-Z]/.test(word)) return true;
  return !/[A-Z]/.test(text.slice(Math.max(0, start - 80), start + word.length + 80));
}

/** "May" and "March" are also a verb, a name and a noun; accept them only with a date-like neighbour. */
function ambiguousMonthOk(text: string, start: number, end: number, word: string): boolean {
  if (!/^(may|march)$/i.test(word)) return true;
  if (!nameCase(text, start, word)) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (!/^[A-Z][a-z]/.test(word)) {
    // In capitals or without capitals the modal verb looks the same ("THIS MAY BE", "prices may fall"): want a day,
    // a year, or a preposition of time that a verb cannot follow.
    if (/^\s*,?\s*\d|^\s+(this|next|last) year\b/i.test(after)) return true;
    return /\b(in|since|until|till|early|late|mid|during|through|last|next)[\s-]+$/i.test(before) && !/^\s+(be|have|not|also|well|never|still|yet|soon|only|i|we|you|he|she|they|it)\b/i.test(after);
  }
  if (/^\s*,?\s*(\d|this|next|last)/i.test(after)) return true;
  return /\b(in|since|until|till|by|early|late|mid|last|next|this|of|during|before|after|from|through|between)[\s-]+$/i.test(before);
}

/** A day of a named month (groups: 1 day, 2 month, 3 optional year); without a year, the clause's tense picks it. */
function dayOfMonth(m: RegExpExecArray, text: string): ReturnType<Rule['build']> {
  if (!nameCase(text, m.index + m[0].lastIndexOf(m[2]!), m[2]!)) return undefined;
  const month = monthNumber(m[2]!);
  const day = parseInt(m[1]!, 10);
  const explicitYear = m[3] ? Number(m[3]) : undefined;
  const resolve = (scene: Scene): Day => ({ year: explicitYear ?? resolveMonthDay(month, day, scene.dct, clauseTense(text, m.index, m.index + m[0].length)), month, day });
  return { type: 'DATE', value: (scene) => dayValue(resolve(scene)), day: resolve };
}

const RULES: Rule[] = [
  // Weekday, month, day and year: "Friday, Oct. 23, 1998", "Aug. 7", "August 7, 1998".
  {
    // A dotted abbreviation may touch its day ("Jan.6, 2021").
    pattern: new RegExp(`\\b(?:(${WEEKDAY_RE}),?\\s+)?(${MONTH_RE})(?:\\s+|(?<=\\.))(${DAY_NUMBER_RE})\\b(?:,?\\s+(${YEAR_RE})\\b)?`, 'gi'),
    build: (m, text) => {
      const month = monthNumber(m[2]!);
      const day = parseInt(m[3]!, 10);
      // A day number after it makes even "May" and "March" a month, when written as a name.
      if (day > 31 || !nameCase(text, m.index + m[0].indexOf(m[2]!), m[2]!)) return undefined;
      if (!/^[A-Z][a-z]/.test(m[2]!) && !ambiguousMonthOk(text, m.index + m[0].indexOf(m[2]!), m.index + m[0].indexOf(m[2]!) + m[2]!.length, m[2]!)) return undefined;
      const explicitYear = m[4] ? Number(m[4]) : undefined;
      const start = m.index;
      const end = m.index + m[0].length;
      const resolve = (scene: Scene): Day => ({
        year: explicitYear ?? resolveMonthDay(month, day, scene.dct, clauseTense(text, start, end), m[1] ? WEEKDAYS[m[1].toLowerCase()] : undefined),
        month,
        day,
      });
      return { type: 'DATE', value: (scene) => dayValue(resolve(scene)), day: resolve };
    },
  },
  // Day, month and year: "7 August 1998".
  {
    pattern: new RegExp(`\\b(${DAY_NUMBER_RE})\\s+(${MONTH_RE})(?:,?\\s+(${YEAR_RE}))?\\b`, 'gi'),
    build: (m, text) => ((/^(may|march)$/i.test(m[2]!) && !m[3]) ? undefined : dayOfMonth(m, text)),
  },
  // Ordinal day of a month: "the 5th of March", "the 23rd of October 1998".
  {
    pattern: new RegExp(`\\b(?:the\\s+)?([12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)\\s+of\\s+(${MONTH_RE})(?:,?\\s+(${YEAR_RE}))?\\b`, 'gi'),
    build: (m, text) => dayOfMonth(m, text),
  },
  // ISO and slashed dates: "1998-08-07", "8/7/1998".
  {
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    build: (m) => {
      const day: Day = m[1]
        ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
        : { year: m[6]!.length === 2 ? 1900 + Number(m[6]) + (Number(m[6]) < 50 ? 100 : 0) : Number(m[6]), month: Number(m[4]), day: Number(m[5]) };
      if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > 31) return undefined;
      return { type: 'DATE', value: fixed(dayValue(day)), day: () => day };
    },
  },
  // Slashed dates laid out with spaces, as scraped pages have them: "05 / 02 / 2013". Month first as in the unspaced
  // form (US order); a first number above 12 can only be the day.
  {
    pattern: /\b(\d{1,2})(?:\s+\/\s*|\/\s+)(\d{1,2})(?:\s+\/\s*|\/\s+)(\d{4})\b/g,
    build: (m) => {
      const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const [month, dayNumber] = first > 12 && second <= 12 ? [second, first] : [first, second];
      if (month < 1 || month > 12 || dayNumber < 1 || dayNumber > daysInMonth(year, month)) return undefined;
      const day: Day = { year, month, day: dayNumber };
      return { type: 'DATE', value: fixed(dayValue(day)), day: () => day };
    },
  },
  // Month with modifiers and optional year: "late November", "last October", "July 1997", "mid-March".
  {
    pattern: new RegExp(`\\b(?:(early|late|mid|middle|last|next|this|past|coming)[\\s-]+)?(${MONTH_RE})(?:,?\\s+(${YEAR_RE})\\b)?`, 'gi'),
    build: (m, text) => {
      const word = m[2]!;
      const wordStart = m.index + m[0].indexOf(word);
      if (!nameCase(text, wordStart, word)) return undefined;
      if (!m[3] && !m[1] && !ambiguousMonthOk(text, wordStart, wordStart + word.length, word)) return undefined;
      if (!m[3] && /^(may|march)$/i.test(word) && !/^[\s-]*$/.test(m[1] ?? '') && !ambiguousMonthOk(text, wordStart, wordStart + word.length, word)) return undefined;
      // Abbreviations without a day or year ("Dec." alone) are too often something else.
      if (!m[3] && !/^(January|February|March|April|May|June|July|August|September|October|November|December)$/i.test(word)) return undefined;
      const month = monthNumber(word);
      const explicitYear = m[3] ? Number(m[3]) : undefined;
      const modifier = m[1]?.toLowerCase();
      const start = m.index;
      const end = m.index + m[0].length;
      // "February this year", "April next year": the year words decide, though they stay outside the span.
      const yearWord = /^\s+(this|next|last) year\b/i.exec(text.slice(end, end + 16))?.[1]?.toLowerCase();
      const resolve = (scene: Scene): Day => {
        let year = explicitYear;
        if (year === undefined && yearWord) year = scene.dct.year + (yearWord === 'next' ? 1 : yearWord === 'last' ? -1 : 0);
        if (year === undefined) {
          const dir = direction(modifier) ?? clauseTense(text, start, end) ?? 'nearest';
          year = resolveMonth(month, scene.dct, dir);
        }
        return { year, month, day: 1 };
      };
      return { type: 'DATE', value: (scene) => monthValue(resolve(scene)), point: resolve };
    },
  },
  // Years and decades: "1998", "the 1990s", "early 1990s", "mid-1980s", "post-1959".
  {
    pattern: new RegExp(`(?:\\b(early|late|mid|the late|the early|post|pre)[\\s-]+)?(?<![\\d$#.,/])(?<!\\d-)\\b(${YEAR_RE})(s)?\\b(?![\\d,.]\\d|%|-\\d| ?percent)`, 'gi'),
    build: (m, text) => {
      const year = m[2]!;
      const end = m.index + m[0].length;
      // Street numbers, flight numbers, counts: a year-like number followed by a plural noun is a count.
      if (!m[3] && /^\s+(people|persons|men|women|troops|soldiers|votes|feet|meters|miles|tons|dollars|members|cases|units|km|hours|hrs)\b/i.test(text.slice(end, end + 12))) return undefined;
      if (/\b(No\.|number|flight|route|room|suite|apartment|Highway)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
      // Annotators leave "early"/"late" outside a year's span but keep "post-"/"pre-".
      const from = m[1] && !/^(post|pre)$/i.test(m[1]) ? m[0].indexOf(year) : 0;
      // TIMEX3 writes a decade as `199`; the TimeML news corpora (TimeBank, AQUAINT) write `199X`, which is what is scored.
      if (m[3]) return { from, type: 'DATE', value: fixed(`${year.slice(0, 3)}X`) };
      return { from, type: 'DATE', value: fixed(year), point: () => ({ year: Number(year) }) };
    },
  },
  // Apostrophe decades: "the '90s".
  {
    pattern: /(?:\b(early|late|mid)[\s-]+)?'([0-9])0s\b/gi,
    build: (m) => ({ type: 'DATE', value: fixed(`19${m[2]}X`) }),
  },
  // Clock times with an optional zone and day: "10:35 a.m.", "9 a.m. EST Tuesday", "noon Friday", "4 in the morning".
  {
    pattern: new RegExp(
      // Scraped pages often space the colon ("9: 01 AM").
      `\\b(?:(\\d{1,2})(?:\\s?:\\s?(\\d{2}))?\\s*(a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|o'clock\\b)|(\\d{1,2}) in the (morning|afternoon|evening)|(noon|midnight|midday)|(\\d{1,2})\\s?:\\s?(\\d{2})(?=\\s+${ZONE_RE}\\b))` +
        `(?:\\s+(${ZONE_RE})\\b)?(?:,?\\s+(?:on\\s+)?(${WEEKDAY_RE}|today|tomorrow|yesterday))?`,
      'gi',
    ),
    build: (m, text) => {
      let hour: number;
      let minute = 0;
      if (m[1] !== undefined) {
        hour = Number(m[1]);
        minute = m[2] ? Number(m[2]) : 0;
        const meridiem = m[3]!.toLowerCase();
        if (hour > 12 || minute > 59) return undefined;
        if (meridiem.startsWith('p') && hour < 12) hour += 12;
        if (meridiem.startsWith('a') && hour === 12) hour = 0;
      } else if (m[4] !== undefined) {
        hour = Number(m[4]);
        if (m[5]!.toLowerCase() !== 'morning' && hour < 12) hour += 12;
      } else if (m[6] !== undefined) {
        // "high noon" is a figure of speech.
        if (/\bhigh\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return undefined;
        hour = m[6].toLowerCase() === 'midnight' ? 24 : 12;
      } else {
        hour = Number(m[7]);
        minute = Number(m[8]);
        if (hour > 23 || minute > 59) return undefined;
      }
      let to: number | undefined;
      // "6 a.m." closing a sentence shares its period with the sentence.
      const raw = m[0];
      if (/\.$/.test(raw) && !m[9] && !m[10] && /^(\s*$|\s+[A-Z])/.test(text.slice(m.index + raw.length, m.index + raw.length + 3))) to = raw.length - 1;
      const dayWord = m[10];
      const start = m.index;
      const resolveDay = (scene: Scene): Day => {
        if (!dayWord) return scene.anchor;
        const lower = dayWord.toLowerCase();
        if (lower === 'today') return scene.dct;
        if (lower === 'tomorrow') return addDays(scene.dct, 1);
        if (lower === 'yesterday') return addDays(scene.dct, -1);
        return resolveWeekday(WEEKDAYS[lower]!, scene.dct, speaksOfFuture(text, start, start + raw.length) ? 'future' : 'past');
      };
      const clock = `T${pad(hour)}:${pad(minute)}`;
      return { to, type: 'TIME', value: (scene) => dayValue(resolveDay(scene)) + clock, day: dayWord ? resolveDay : undefined };
    },
  },
  // 24-hour clock times as agencies, armies and police write them: "1100 hrs IST", "0600 hours", "1430 GMT", "21:00 hrs".
  {
    pattern: new RegExp(`\\b([01][0-9]|2[0-3])(?:\\s?([:.])\\s?)?([0-5][0-9])(?:\\s*(hrs|hr|hours|h)\\b)?(?:\\s+(${ZONE_RE})\\b)?`, 'gi'),
    build: (m, text) => {
      const [, hour, separator, minute, unit, zone] = m;
      if (!unit && !zone) return undefined;
      // "1100 hours" may be a count of hours ("logged 1100 hours"); as a clock time it follows a preposition of time.
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      // "10:35 a.m. (0735 GMT)" restates the time just written in another zone; annotators mark the first only.
      if (/(\d|[ap]\.?m\.?)\s*\(\s*$/i.test(before)) return undefined;
      if (unit && /^hours$/i.test(unit) && !zone && separator !== ':' && !/^0/.test(hour!)
        && !/\b(at|about|around|by|until|till|from|since|before|after|approximately|circa|to|and|between)\s+$/i.test(before)) return undefined;
      // "1.5 h" and "10.30 hours" as counts: a dotted form needs the "hrs" of clock times or a zone.
      if (separator === '.' && !zone && !/^hrs?$/i.test(unit ?? '')) return undefined;
      const clock = `T${hour}:${minute}`;
      return { type: 'TIME', value: (scene) => dayValue(scene.anchor) + clock };
    },
  },
  // Weekdays with a modifier and part of day: "Friday", "last Wednesday", "Wednesday night", "early Thursday morning".
  {
    // Weekday names are no other word, so lower case is read too ("on wednesday" in lower-case copy).
    pattern: new RegExp(`\\b(?:(last|next|this|coming|past)\\s+)?(${WEEKDAY_RE})(?:\\s+(morning|afternoon|evening|night))?\\b`, 'gi'),
    build: (m, text) => {
      const target = WEEKDAYS[m[2]!.toLowerCase()]!;
      const modifier = direction(m[1]);
      const start = m.index;
      const end = m.index + m[0].length;
      const resolve = (scene: Scene) =>
        resolveWeekday(target, scene.dct, modifier ?? (speaksOfFuture(text, start, end) ? 'future' : 'past'));
      // TIMEX3 would write "Friday night" as `1998-08-07TNI`, but the TimeML news corpora more often give it the value
      // of its day (on AQUAINT 15 against 11, counting spans that leave "night" out): follow the annotators.
      return { type: 'DATE', value: (scene) => dayValue(resolve(scene)), day: resolve };
    },
  },
  // Days named from the reference: "today", "yesterday morning", "last night", "tonight", "this afternoon".
  {
    pattern: /\b(?:(the day (?:before|after) )?(today|yesterday|tomorrow|tonight)(?:\s+(morning|afternoon|evening|night))?|(this|last) (morning|afternoon|evening|night))\b/gi,
    build: (m, text) => {
      const word = (m[2] ?? '').toLowerCase();
      // "today's world": the present age, not the day; annotators leave it out.
      if (word === 'today' && /^'s\s+(youth|young|world|society|generation|children|kids|teenagers|standards|culture)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return undefined;
      const extra = m[1] ? (/before/i.test(m[1]) ? -1 : 1) : 0;
      const offset = (word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0) + extra + (m[4]?.toLowerCase() === 'last' ? -1 : 0);
      const partWord = (m[3] ?? m[5])?.toLowerCase();
      const part = partWord ? PARTS_OF_DAY[partWord] : undefined;
      const resolve = (scene: Scene) => addDays(scene.dct, offset);
      return { type: part ? 'TIME' : 'DATE', value: (scene) => dayValue(resolve(scene)) + (part ? `T${part}` : ''), day: resolve };
    },
  },
  // Days counted from an earlier date: "the next morning", "the following day", "earlier that day", "the day after".
  {
    pattern: /\b(?:the (next|following|previous) (day|morning|evening|night)|(?:(earlier|later) )?that (?:same )?(day|morning|night)|the same day|the day (before|after)(?=\s*[,.;:)]|'s))/gi,
    build: (m) => {
      const shift = /next|following|after/i.test(m[0]) ? 1 : /previous|before/i.test(m[0]) ? -1 : 0;
      const resolve = (scene: Scene) => addDays(scene.anchor, shift);
      // As with "Friday night", the part of the day is left out of the value.
      return { type: 'DATE', value: (scene) => dayValue(resolve(scene)), day: resolve };
    },
  },
  // Weeks, months and years named from an earlier expression: "later that year", "earlier that month", "that same week".
  {
    pattern: /\b(?:(?:(earlier|later|early|late) )?that (?:same )?|(?:in|of|during|by|since|until|through) that )(week|month|year)\b(?![-\s]+(?:old|long)\b)/gi,
    build: (m) => {
      const unit = m[2]!.toLowerCase();
      const from = m[1] ? 0 : m[0].toLowerCase().indexOf('that');
      return {
        from,
        type: 'DATE',
        value: (scene) =>
          unit === 'year' ? pad(scene.anchorYear, 4) : unit === 'month' ? monthValue({ ...scene.anchorMonth, day: 1 }) : weekValue(scene.anchor),
      };
    },
  },
  // Weeks, months, years, weekends named from the reference: "last week", "this month", "earlier this year", "next weekend".
  {
    pattern: /\b(?:(early|earlier|late|later|mid)[\s-]+)?(last|next|this|past|coming|previous)\s+(week|weekend|month|year|decade|century)\b(?!s)(?![-\s]+(?:old|long)\b)/gi,
    build: (m, text) => {
      // "February this year": the year only places the month (see the month rule).
      if (new RegExp(`${MONTH_RE}\\s+$`).test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
      // "earlier this week" is annotated as "this week", "early this week" as a whole; "earlier this year" is whole too.
      const from = m[1] && /^(earlier|later)$/i.test(m[1]) && !/^year$/i.test(m[3]!) ? m[1].length + 1 : 0;
      const dir = direction(m[2]);
      const unit = m[3]!.toLowerCase();
      // "the past year" and "the last decade" are spans of time, "last year" a date.
      const determiner = /\bthe\s+(?:(?:early|earlier|late|later|mid)[\s-]+)?$/i.test(text.slice(Math.max(0, m.index - 10), m.index + (m[1] ? m[1].length + 1 : 0)));
      if (determiner && (m[2]!.toLowerCase() === 'past' || m[2]!.toLowerCase() === 'last' || m[2]!.toLowerCase() === 'coming' || m[2]!.toLowerCase() === 'next')) {
        if (unit === 'weekend') return undefined;
        return { type: 'DURATION', value: fixed(durationValue(1, unit)) };
      }
      if (unit === 'century') return { from, type: 'DATE', value: (scene) => String(Math.floor((scene.dct.year - 1) / 100) + (dir === 'last' ? -1 : dir === 'next' ? 1 : 0)) };
      const step = dir === 'last' ? -1 : dir === 'next' ? 1 : 0;
      return {
        from,
        type: 'DATE',
        value: (scene) => {
          const d = scene.dct;
          switch (unit) {
            case 'week': return weekValue(addDays(d, 7 * step));
            case 'weekend': return `${weekValue(addDays(d, 7 * step + (step === 0 && weekday(d) < 3 ? -7 : 0)))}-WE`;
            case 'month': return monthValue(addMonths(d, step));
            case 'decade': return `${String(Math.floor(d.year / 10) + step).padStart(3, '0')}X`;
            default: return pad(d.year + step, 4);
          }
        },
      };
    },
  },
  // "the weekend": the latest weekend, or the coming one in future talk.
  {
    pattern: /\b(?:over |during |at |on )?(the weekend)\b/gi,
    build: (m, text) => {
      const from = m[0].length - m[1]!.length;
      const future = speaksOfFuture(text, m.index, m.index + m[0].length);
      return {
        from,
        type: 'DATE',
        value: (scene) => {
          const d = scene.dct;
          const shift = future ? 0 : weekday(d) >= 6 ? 0 : -7;
          return `${weekValue(addDays(d, shift))}-WE`;
        },
      };
    },
  },
  // Seasons: "last fall", "the summer of 1998", "this winter", "spring 1999".
  {
    pattern: new RegExp(`\\b(?:(early|late|mid)[\\s-]+)?(?:(last|next|this|past|coming)\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(${YEAR_RE}))?\\b`, 'gi'),
    build: (m, text) => {
      const code = SEASONS[m[3]!.toLowerCase()]!;
      // "fall" and "spring" are verbs too; want a modifier, a year, or a preposition with "the".
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (!m[1] && !m[2] && !m[4] && !/\b(in|this|the|by|during|until|since|over)\s+(the\s+)?$/i.test(before)) return undefined;
      if (!m[2] && !m[4] && /^(fall|spring)$/i.test(m[3]!) && !/\b(the|this|in)\s+$/i.test(before)) return undefined;
      if (m[4]) return { type: 'DATE', value: fixed(`${m[4]}-${code}`) };
      const dir = direction(m[2]) ?? 'this';
      return { type: 'DATE', value: (scene) => resolveSeason(code, scene.dct, dir) };
    },
  },
  // Fiscal years: "fiscal 1998", "fiscal year 1999", "the 1998 fiscal year", "last fiscal year" (TimeML `FY1998`).
  {
    pattern: new RegExp(`\\b(?:(?:fiscal|financial)(?:\\s+year)?\\s+(${YEAR_RE})|(${YEAR_RE})\\s+(?:fiscal|financial)\\s+year|(last|next|this|the current|the previous|the coming)\\s+(?:fiscal|financial)\\s+year)\\b`, 'gi'),
    build: (m) => {
      const explicit = m[1] ?? m[2];
      if (explicit) return { type: 'DATE', value: fixed(`FY${explicit}`), point: () => ({ year: Number(explicit) }) };
      const word = m[3]!.toLowerCase();
      const step = /last|previous/.test(word) ? -1 : /next|coming/.test(word) ? 1 : 0;
      return { type: 'DATE', value: (scene) => `FY${pad(scene.dct.year + step, 4)}` };
    },
  },
  // Halves: "the first half of 1998", "the second half" (of the reference year).
  {
    pattern: new RegExp(`\\b(first|second)[\\s-]half(?:\\s+of\\s+(?:the\\s+)?(?:(${YEAR_RE})|(this|last|next) year))?\\b`, 'gi'),
    build: (m, text) => {
      // "the first half of the match": a half of something else.
      if (!m[2] && !m[3] && /^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return undefined;
      const half = m[1]!.toLowerCase() === 'first' ? 1 : 2;
      const step = m[3] ? (m[3].toLowerCase() === 'last' ? -1 : m[3].toLowerCase() === 'next' ? 1 : 0) : 0;
      return { type: 'DATE', value: (scene) => `${m[2] ?? pad(scene.dct.year + step, 4)}-H${half}` };
    },
  },
  // Quarters: "the third quarter", "first-quarter", "the fourth quarter of 1998".
  {
    pattern: new RegExp(`\\b(?:(last|next|this)\\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)[\\s-]quarter\\b(?:\\s+of\\s+(${YEAR_RE}))?`, 'gi'),
    build: (m) => {
      const ordinal = m[2]!.toLowerCase();
      const quarter = ordinal === 'final' ? 4 : ORDINALS[ordinal]!;
      return {
        type: 'DATE',
        value: (scene) => {
          let year = m[3] ? Number(m[3]) : scene.dct.year;
          const dir = direction(m[1]);
          const current = Math.floor((scene.dct.month - 1) / 3) + 1;
          if (!m[3] && (dir === 'last' || (!dir && quarter > current))) year = quarter < current ? year : year - 1;
          if (!m[3] && dir === 'next' && quarter <= current) year += 1;
          return `${year}-Q${quarter}`;
        },
      };
    },
  },
  // Holidays: "Thanksgiving Day", "last Christmas", "Election Day".
  {
    pattern: /\b(?:(last|next|this)\s+)?(New Year's (?:Day|Eve)|Christmas(?: Day| Eve)?|Independence Day|Halloween|Valentine's Day|Thanksgiving(?: Day)?|Labor Day|Memorial Day|Election Day|Easter(?: Sunday)?)(?! week)\b/gi,
    build: (m, text) => {
      // "thanksgiving" in lower case is a giving of thanks, unless the text has no capitals at all.
      if (!nameCase(text, m.index + m[0].lastIndexOf(m[2]!), m[2]!)) return undefined;
      const compute = HOLIDAYS[m[2]!.toLowerCase()]!;
      const dir = direction(m[1]);
      const start = m.index;
      const end = start + m[0].length;
      const resolve = (scene: Scene): Day => {
        const year = scene.dct.year;
        const candidates = [compute(year - 1), compute(year), compute(year + 1)];
        const reference = toDate(scene.dct).getTime();
        const future = dir === 'next' || (!dir && speaksOfFuture(text, start, end));
        const wanted = candidates.filter((d) => (dir === 'last' ? toDate(d).getTime() < reference : future ? toDate(d).getTime() >= reference : toDate(d).getTime() <= reference));
        const pool = wanted.length ? wanted : candidates;
        return pool.reduce((a, b) => (Math.abs(toDate(a).getTime() - reference) <= Math.abs(toDate(b).getTime() - reference) ? a : b));
      };
      return { type: 'DATE', value: (scene) => dayValue(resolve(scene)), day: resolve };
    },
  },
  // "Easter week" and "the week of March 6" name a week.
  {
    pattern: new RegExp(`\\b(?:the week of (${MONTH_RE}) (${DAY_NUMBER_RE})|Easter week)\\b`, 'gi'),
    build: (m) => ({
      type: 'DATE',
      value: (scene) => {
        if (!m[1]) {
          const sunday = easter(scene.dct.year);
          return weekValue(sunday);
        }
        const month = monthNumber(m[1]);
        const day = parseInt(m[2]!, 10);
        return weekValue({ year: resolveMonthDay(month, day, scene.dct, undefined), month, day });
      },
    }),
  },
  // Points counted back: "two years ago", "a decade ago", "almost four years ago", "11 days ago".
  {
    pattern: new RegExp(`\\b(?:(almost|nearly|about|some|more than|less than|over|just|roughly|only)\\s+)?(${NUMBER_RE}|a|an|several|a few|many)\\s+(${UNIT_RE})s?\\s+(ago|earlier|before|later|from now|hence)\\b`, 'gi'),
    build: (m) => {
      const word = m[4]!.toLowerCase();
      // "two days later" counts from an event the text names, not from the reference: keep it a duration.
      if (word === 'earlier' || word === 'before' || word === 'later') return undefined;
      const count = parseNumber(m[2]!);
      const sign = word === 'ago' ? -1 : 1;
      if (Number.isNaN(count)) return { type: 'DATE', value: fixed(sign < 0 ? 'PAST_REF' : 'FUTURE_REF') };
      return { type: 'DATE', value: (scene) => shiftedValue(scene.dct, sign * Math.round(count), m[3]!) };
    },
  },
  // Durations: "two years", "the past 10 days", "5 1/2 hours", "at least 72 hours", "less than a decade", "two more weeks".
  {
    pattern: new RegExp(
      `\\b(?:(the\\s+)?(past|last|next|first|coming|final|previous)\\s+)?(?:(at least|more than|less than|up to)\\s+)?(${NUMBER_RE}|a|an|several|a few|few|many)\\s+(?:(more|additional|straight|consecutive|full)\\s+)?(${UNIT_RE}s?)\\b(?![-'](?:long|old))`,
      'gi',
    ),
    build: (m, text) => {
      const count = parseNumber(m[4]!);
      const countWord = m[4]!.toLowerCase();
      const unit = m[6]!;
      // "a day" after a quantity ("$1 billion a year", "three times a day") is a frequency.
      if ((countWord === 'a' || countWord === 'an') && !m[2] && !m[3]) {
        const before = text.slice(Math.max(0, m.index - 25), m.index);
        if (/(\d|times|\bonce|\btwice|\bhundreds|\bdozens|\bthousands|\bmillions?|\bbillions?|\binterviews|\bmiles|\bdollars)[^.;,]*\s$/i.test(before) && /^(day|week|month|year)$/i.test(unit)) {
          return { type: 'SET', value: fixed(durationValue(1, unit)) };
        }
        // "a day" alone is more often an idiom ("a day of mourning", "a year of"), keep only clear durations.
        if (!/\b(for|about|nearly|almost|than|within|in|over|after|least|took|lasted|spent|only|just)\s+$/i.test(before)) return undefined;
      }
      if (/^(second|minute)s?$/i.test(unit) && (countWord === 'a' || countWord === 'an') && !m[3]) return undefined;
      if (/^(second|third|fourth|fifth)$/i.test(countWord)) return undefined;
      // "48 Hours": a numeral with a capitalised unit inside a sentence is a title (a programme, a race).
      if (/^\d/.test(countWord) && /^[A-Z][a-z]/.test(unit) && !m[1] && !m[2]) return undefined;
      const vague = VAGUE_COUNTS.has(countWord) || countWord === 'few';
      const from = m[1] ? m[1].length : 0;
      return { from, type: 'DURATION', value: fixed(durationValue(vague ? Number.NaN : count, unit)) };
    },
  },
  // Adjectival durations: "16-hour", "two-day", "day-long", "four-month", "decades-long", "years-old".
  {
    pattern: new RegExp(`\\b(?:(${NUMBER_RE.replace('(?: 1/2)?', '')})-)?(${UNIT_RE}s?)(?:-(long|old))?\\b`, 'gi'),
    build: (m) => {
      if (!m[1] && !m[3]) return undefined;
      // "a 44-year-old doctor" is an age, which TimeML leaves alone.
      if (m[1] && m[3]?.toLowerCase() === 'old') return undefined;
      // "decades-long" has no count: an unknown number of decades.
      const plural = /(s|centuries)$/i.test(m[2]!);
      const count = m[1] ? parseNumber(m[1]) : plural ? Number.NaN : 1;
      if (m[1] && Number.isNaN(count)) return undefined;
      return { type: 'DURATION', value: fixed(durationValue(count, m[2]!)) };
    },
  },
  // Unspecified stretches: "years", "for weeks", "recent days", "the coming years", "decades".
  {
    pattern: new RegExp(`\\b(?:(recent|coming|past|several|many|few|the next few|the past few|the last few)\\s+)?(days|weeks|months|years|decades)\\b(?![-'])`, 'gi'),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 14), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (!m[1]) {
        // A bare plural unit is a time expression after "for", "in the", "over the", or before "before/after".
        const ok = /\b(for|in the|over the|within|of the)\s+$/i.test(before) || /^\s+(before|after|later|earlier|that followed)\b/i.test(after);
        if (!ok || /^\s+ago\b/i.test(after)) return undefined;
      }
      return { type: 'DURATION', value: fixed(durationValue(Number.NaN, m[2]!)) };
    },
  },
  // Frequencies: "daily", "weekly", "every day", "each year", "annually", "every Monday".
  {
    pattern: new RegExp(`\\b(?:(daily|nightly|weekly|monthly|yearly|annually|hourly)|(?:every|each)\\s+(?:(other)\\s+)?(day|night|week|month|year|morning|evening|${WEEKDAY_RE}))\\b`, 'gi'),
    build: (m) => {
      const word = (m[1] ?? m[3])!.toLowerCase();
      const every = m[2] ? 2 : 1;
      if (word in WEEKDAYS) return { type: 'SET', value: fixed(`XXXX-WXX-${WEEKDAYS[word]}`) };
      const table: Record<string, string> = {
        daily: 'P1D', nightly: 'P1D', day: 'P1D', night: 'P1D', morning: 'P1D', evening: 'P1D', weekly: 'P1W', week: 'P1W',
        monthly: 'P1M', month: 'P1M', yearly: 'P1Y', annually: 'P1Y', year: 'P1Y', hourly: 'PT1H',
      };
      const value = table[word]!.replace('1', String(every));
      return { type: 'SET', value: fixed(value) };
    },
  },
  // Points relative to the present: "now", "currently", "the future", "the past", "these days", "nowadays".
  {
    pattern: /\b(?:(right now|now|currently|current|nowadays|these days|at the moment|at present)|(the future|future)|(the past|formerly|recently|lately))\b/gi,
    build: (m, text) => {
      const lower = m[0].toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (lower === 'now' && /^\s*that\b/i.test(after)) return undefined;
      // A sentence opening with "Now" mostly turns the discourse ("Now the question is …"); annotators leave it out.
      if (m[0] === 'Now' && /(^|[.!?]\s+|\n\s*|``\s*|"\s*)$/.test(text.slice(Math.max(0, m.index - 4), m.index))) return undefined;
      if (lower === 'the past' && /^\s+(\d|\w+ (days|weeks|months|years|decades))/i.test(after)) return undefined;
      if (m[1]) {
        // "Right now" is annotated as "now"; "current" only when it describes a state of things.
        const from = lower === 'right now' ? 6 : 0;
        if (lower === 'current' && !/^\s+(wife|husband|president|leader|government|situation|crisis|level|rate|law|system|state|term|year|season|policy)\b/i.test(after)) return undefined;
        return { from, type: 'DATE', value: fixed('PRESENT_REF') };
      }
      if (m[2]) return { type: 'DATE', value: fixed('FUTURE_REF') };
      if (lower === 'the past' && /^\s*,?\s*(the|he|she|they|we|it|I)\b/.test(after) === false && !/\b(in|from)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return undefined;
      return { type: 'DATE', value: fixed('PAST_REF') };
    },
  },
  // "the first day", "his first day in office": a day named by its order, kept vague.
  {
    pattern: /\b(?:the|his|her|their|its) (first|last|final) (day|week|month|year)\b(?! of)/gi,
    build: (m) => ({ from: m[0].indexOf(m[1]!), type: 'DATE', value: fixed(m[2]!.toLowerCase() === 'day' ? 'XXXX-XX-XX' : m[2]!.toLowerCase() === 'year' ? 'XXXX' : 'XXXX-XX') }),
  },
];

/** Collects every rule's candidates in text order. */
function candidatesOf(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const built = rule.build(match, text);
      if (!built) continue;
      const { from = 0, to = match[0].length, ...rest } = built;
      found.push({ ...rest, start: match.index + from, end: match.index + to });
    }
  }
  return found;
}

/** Keeps the longest of overlapping candidates; earlier rules win ties. */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const order = candidates.map((candidate, index) => ({ candidate, index }));
  order.sort((a, b) => b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) || a.index - b.index);
  // Kept spans never overlap, so sorted by start they are sorted by end too: a binary search finds the neighbours.
  const kept: Candidate[] = [];
  for (const { candidate } of order) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (kept[middle]!.start < candidate.start) low = middle + 1;
      else high = middle;
    }
    const previous = kept[low - 1];
    const next = kept[low];
    if ((previous && previous.end > candidate.start) || (next && next.start < candidate.end)) continue;
    kept.splice(low, 0, candidate);
  }
  return kept;
}

/** Texts whose candidates are kept: the sections of one brief (timeline, conflicts) read each article's text twice. */
const CANDIDATE_MEMO_SIZE = 1024;
const candidateMemo = new Map<string, ReturnType<typeof candidatesOf>>();

/** The non-overlapping candidates of a text, which do not depend on the reference (values are computed from it later). */
function chosenCandidates(text: string): ReturnType<typeof candidatesOf> {
  let chosen = candidateMemo.get(text);
  if (!chosen) {
    chosen = withoutOverlaps(candidatesOf(text));
    if (candidateMemo.size >= CANDIDATE_MEMO_SIZE) candidateMemo.delete(candidateMemo.keys().next().value!);
    candidateMemo.set(text, chosen);
  }
  return chosen;
}

/**
 * Finds the time expressions of `text` and normalises them against `reference`, the document creation time
 * (ISO date or date-time). The result is sorted by start and has no overlapping spans.
 */
export function findTimeExpressions(text: string, reference: string): TimeExpression[] {
  const parsed = parseReference(reference);
  // Without a reference every relative value would be a guess; today's date would make output depend on the run.
  if (!parsed) throw new RangeError(`findTimeExpressions: expecting an ISO date such as 2021-01-08, instead found "${reference}"`);
  const chosen = chosenCandidates(text);
  const scene: Scene = {
    text,
    dct: parsed.day,
    anchor: parsed.day,
    anchorMonth: { year: parsed.day.year, month: parsed.day.month },
    anchorYear: parsed.day.year,
  };
  const expressions: TimeExpression[] = [];
  for (const candidate of chosen) {
    const value = candidate.value(scene);
    const day = candidate.day?.(scene);
    const point = day ?? candidate.point?.(scene);
    if (day) scene.anchor = day;
    if (point?.month !== undefined) scene.anchorMonth = { year: point.year, month: point.month };
    if (point) scene.anchorYear = point.year;
    expressions.push({ start: candidate.start, end: candidate.end, text: text.slice(candidate.start, candidate.end), type: candidate.type, value });
  }
  return expressions;
}
