// Typed slots of an article: numbers with their unit or noun, dates and days, capitalised names — the values a conflict can differ in.
import { findTimeExpressions, parseReference } from '../../text/timex.js';
import type { Token } from '../../text/tokens.js';
import { conflictLexicon } from './lexicon.js';

export type SlotType = 'number' | 'date' | 'name';

/** The parts of a day a date expression names; a conflict needs a part both sides name. */
export interface DateFields {
  weekday?: number;
  month?: number;
  day?: number;
  year?: number;
  /** YYYY-MM-DD the expression resolves to against the publish day (only when the article has one). */
  resolved?: string;
}

export interface Slot {
  type: SlotType;
  /** Offsets of the value in the article text. */
  start: number;
  end: number;
  /** Index of the sentence holding it. */
  sentence: number;
  /** Token range [firstToken, endToken) it covers, article-level indices. */
  firstToken: number;
  endToken: number;
  /** Normalised value: equal keys state the same thing. */
  key: string;
  /** number: the value, its unit or noun (stems), and whether it is an age, approximate, or money. */
  value?: number;
  unit?: string[];
  approx?: boolean;
  /** number: how many numbers its sentence holds. */
  crowd?: number;
  /** date */
  date?: DateFields;
  /** date: next to "said", "reported" …, so perhaps the day of the report rather than of the event. */
  reportDay?: boolean;
  /** number that is an age: the person or noun it belongs to ("Reid, 33" -> reid; "a 63-year-old woman" -> woman). */
  owner?: string[];
  /** name: its kind, guessed from head words, known names and capitals (two names of different kinds never conflict). */
  nameKind?: 'place' | 'organisation' | 'other';
  /** name: its lower-case words; place when its head word is a place word. */
  words?: string[];
  place?: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const NAME_CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'du', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'da', 'dos']);

/** Stem used to compare words: lower case, no possessive, no plural s. */
export function stem(norm: string): string {
  let word = norm.replace(/'s$/, '').replace(/'$/, '');
  if (word.length > 3 && word.endsWith('ies')) word = `${word.slice(0, -3)}y`;
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) word = word.slice(0, -1);
  return word;
}

/** Index of the token starting at or after `offset` (tokens sorted by start). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface SlotScene {
  text: string;
  tokens: readonly Token[];
  /** Sentence index of each token. */
  tokenSentence: Int32Array;
  sentenceStarts: readonly number[];
}

function makeSlot(scene: SlotScene, type: SlotType, start: number, end: number, key: string): Slot {
  const firstToken = tokenAt(scene.tokens, start);
  let endToken = firstToken;
  while (endToken < scene.tokens.length && scene.tokens[endToken]!.start < end) endToken++;
  const sentence = firstToken < scene.tokens.length ? scene.tokenSentence[firstToken]! : scene.sentenceStarts.length - 1;
  return { type, start, end, sentence, firstToken, endToken: Math.max(endToken, firstToken + 1), key };
}

/** Date slots from the time expressions of the text: weekdays, month-days, months and years (durations are numbers). */
function dateSlots(scene: SlotScene, published: string | undefined): { slots: Slot[]; covered: Array<[number, number]> } {
  const reference = published && parseReference(published) ? published : undefined;
  const slots: Slot[] = [];
  const covered: Array<[number, number]> = [];
  let expressions;
  try {
    expressions = findTimeExpressions(scene.text, reference ?? '2000-01-01');
  } catch {
    return { slots, covered };
  }
  for (const expression of expressions) {
    if (expression.type === 'DATE' || expression.type === 'TIME') covered.push([expression.start, expression.end]);
    if (expression.type !== 'DATE') continue;
    const fields: DateFields = {};
    const words = expression.text.toLowerCase();
    const weekday = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.exec(words);
    if (weekday) fields.weekday = WEEKDAYS[weekday[1]!];
    const month = /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?/.exec(words);
    const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\b/.exec(words);
    if (month && !(month[1] === 'may' && !/\bMay\b/.test(expression.text))) {
      fields.month = MONTHS[month[1]!.replace(/\.$/, '')];
      const day = month[2] ?? dayFirst?.[1];
      if (day && Number(day) >= 1 && Number(day) <= 31) fields.day = Number(day);
    }
    const year = /\b(1[89]\d\d|20\d\d)\b/.exec(words);
    if (year) fields.year = Number(year[1]);
    if (reference && /^\d{4}-\d{2}-\d{2}$/.test(expression.value) && /\b(today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b/.test(words)) {
      fields.resolved = expression.value;
    }
    if (fields.weekday === undefined && fields.month === undefined && fields.year === undefined && fields.resolved === undefined) continue;
    // The page's own date: "Published: …", "posted in Accidents on …", or a date opening a line before a capital.
    const line = scene.text.lastIndexOf('\n', expression.start - 1) + 1;
    const lead = scene.text.slice(Math.max(line, expression.start - 60), expression.start).toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(-6);
    if (lead.some((word) => conflictLexicon().metaWords.has(word))) continue;
    if (/^\s*$/.test(scene.text.slice(line, expression.start)) && /^[\s,]*(?:$|\n|[\p{Lu}(—–-])/u.test(scene.text.slice(expression.end, expression.end + 3))) continue;
    const key = `${fields.weekday ?? ''}/${fields.month ?? ''}/${fields.day ?? ''}/${fields.year ?? ''}/${fields.resolved ?? ''}`;
    const slot = makeSlot(scene, 'date', expression.start, expression.end, key);
    slot.date = fields;
    slots.push(slot);
  }
  return { slots, covered };
}

/** Numerals; a thousands group may be written after a comma and a space ("15, 800"), as tokenised news text has it. */
const DIGITS = /(?<![\p{L}\p{N}.,/:-])(\d{1,3}(?:, ?\d{3}(?!\d))+|\d+)(?:\.\d+)?(?![\p{L}\p{N}]|[.,:/]\d)/gu;

/** Number slots: numerals and count words, with scale, currency, approximation marker and the noun that follows. */
function numberSlots(scene: SlotScene, covered: Array<[number, number]>, midCaps: Set<string>): Slot[] {
  const lexicon = conflictLexicon();
  const { text, tokens } = scene;
  const slots: Slot[] = [];
  const inside = (start: number, end: number) => covered.some(([s, e]) => start < e && end > s);
  const words = [...lexicon.numbers.keys()].sort((a, b) => b.length - a.length).join('|');
  const tens = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
  const units = 'one|two|three|four|five|six|seven|eight|nine';
  const WORDS = new RegExp(`(?<![\\p{L}\\p{N}-])(?:(${tens})[- ](${units})|(${words}))(?![\\p{L}\\p{N}])`, 'giu');
  const found: Array<{ start: number; end: number; value: number; word: boolean }> = [];
  for (const match of text.matchAll(DIGITS)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = text.slice(Math.max(0, start - 4), start);
    const after = text.slice(end, end + 4);
    // Clock times (06:00, 06: 00), fractions and dates written with slashes, scores and ranges (91-73).
    // Clock times (06:00, 06: 00), fractions and dates written with slashes, scores and ranges (91-73, $140- $150).
    if (/^\s?[:/]\s?\d/.test(after) || /\d\s?[:/]\s?$/.test(before)) continue;
    if (/^\s?(?:[-–]|to|or)\s?[$€£]?\d/.test(text.slice(end, end + 6)) || /\d\s?(?:[-–]|to|or)\s?[$€£]?$/.test(text.slice(Math.max(0, start - 6), start))) continue;
    if (/^\s?(?:am|pm|a\.m|p\.m)\b/i.test(text.slice(end, end + 5))) continue;
    found.push({ start, end, value: Number(match[0].replace(/[, ]/g, '')), word: false });
  }
  for (const match of text.matchAll(WORDS)) {
    const value = match[1] ? lexicon.numbers.get(match[1].toLowerCase())! + lexicon.numbers.get(match[2]!.toLowerCase())! : lexicon.numbers.get(match[3]!.toLowerCase())!;
    // A capitalised count word inside a sentence is part of a name ("Big Four", "One Direction").
    const first = text[match.index]!;
    const atStart = match.index === 0 || scene.sentenceStarts.includes(match.index) || /["“‘'(]\s*$/.test(text.slice(Math.max(0, match.index - 2), match.index));
    if (first !== first.toLowerCase() && !atStart && midCaps.has(match[0].toLowerCase())) continue;
    if (first !== first.toLowerCase() && !atStart) continue;
    found.push({ start: match.index, end: match.index + match[0].length, value, word: true });
  }
  found.sort((a, b) => a.start - b.start);
  for (const number of found) {
    if (inside(number.start, number.end)) continue;
    let end = number.end;
    let value = number.value;
    const scale = /^[\s-]?([\p{L}]+)(?![\p{L}])/u.exec(text.slice(end, end + 14));
    if (scale && lexicon.scales.has(scale[1]!.toLowerCase()) && !(scale[1]!.length <= 2 && scale[0].startsWith(' '))) {
      value *= lexicon.scales.get(scale[1]!.toLowerCase())!;
      end += scale[0].length;
    }
    let start = number.start;
    const currency = /(US\$|[$€£¥])\s?$/.exec(text.slice(Math.max(0, start - 4), start));
    if (currency) start -= currency[0].length;
    const slot = makeSlot(scene, 'number', start, end, '');
    const lower = text.slice(end, end + 40).toLowerCase();
    const unit: string[] = [];
    if (/^[- ]years?[- ]old\b/.test(lower)) unit.push('age');
    else {
      // The noun phrase after the number: up to three words, stopping at a stop word; words joined by a hyphen
      // make one unit ("square-metre", "co-worker"), so that square metres never agree with square feet.
      let t = slot.endToken;
      let cursor = end;
      while (t < tokens.length && unit.length < 3) {
        const token = tokens[t]!;
        const gap = text.slice(cursor, token.start);
        if (!/^[\s-]*$/.test(gap) || gap.length > 2) break;
        if (lexicon.stopwords.has(token.norm) || /^\d/.test(token.norm)) break;
        if (gap === '-' && cursor !== end && unit.length) unit[unit.length - 1] = `${unit[unit.length - 1]}-${stem(token.norm)}`;
        else unit.push(stem(token.norm));
        cursor = token.end;
        t++;
      }
    }
    if (number.word && number.value === 1 && unit.length === 0) continue;
    // "between $140 and $150 million": the ends of a range are no figure of their own.
    if (/\bbetween\s[$€£]?$/i.test(text.slice(Math.max(0, start - 9), start)) || /\bbetween\s[$€£]?[\d.,]+(?:\s\p{L}+)?\sand\s[$€£]?$/iu.test(text.slice(Math.max(0, start - 40), start))) continue;
    // A numeral right after a capitalised word is part of a name ("IE 11", "Interstate 75", "Channel 4").
    const namePart = /(?:^|[^\p{L}])([\p{Lu}][\p{L}-]*)\s$/u.exec(text.slice(Math.max(0, start - 20), start));
    if (!number.word && !currency && namePart && !lexicon.stopwords.has(namePart[1]!.toLowerCase()) && !WEEKDAYS[namePart[1]!.toLowerCase()] && !MONTHS[namePart[1]!.toLowerCase()]) continue;
    const preceding = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 3);
    if (unit.length === 0) {
      // "Reid, 33," and "(33)" after a name; "aged 33".
      if (value < 130 && Number.isInteger(value) && /[\p{Lu}][\p{L}'’.-]*\s?,\s?$/u.test(preceding) && /^\s?[,)]/.test(after)) unit.push('age');
      else if (value < 130 && /[\p{Lu}][\p{L}'’.-]*\s?\(\s?$/u.test(preceding) && /^\s?\)/.test(after)) unit.push('age');
      else if (new RegExp(`\\b(?:${[...lexicon.ageWords].join('|')})\\s$`, 'i').test(preceding)) unit.push('age');
    }
    if (currency) unit.unshift(`money:${currency[1]}`);
    if (unit[0] === 'age') slot.owner = ageOwner(scene, slot);
    // A bare four-digit number in the calendar range is a year: a date.
    if (!number.word && !currency && unit.length === 0 && value >= 1800 && value <= 2099 && Number.isInteger(value) && /^\d{4}$/.test(text.slice(number.start, number.end))) {
      const year = makeSlot(scene, 'date', number.start, number.end, `///${value}/`);
      year.date = { year: value };
      slots.push(year);
      continue;
    }
    const words = preceding.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
    slot.approx = lexicon.approx.some((phrase) => phrase.length <= words.length && phrase.every((w, i) => words[words.length - phrase.length + i] === w));
    slot.value = value;
    slot.unit = unit;
    slot.key = `${value}`;
    slots.push(slot);
  }
  return slots;
}

/** Lower-case words of the capitalised run ending at token `last` (going back) or starting at `first` (going on). */
function capitalisedRun(scene: SlotScene, from: number, step: 1 | -1): string[] {
  const words: string[] = [];
  const sentence = scene.tokenSentence[from];
  for (let i = from; i >= 0 && i < scene.tokens.length && words.length < 4 && scene.tokenSentence[i] === sentence; i += step) {
    const token = scene.tokens[i]!;
    if (!isCapitalised(scene.text, token) || /^\d/.test(token.norm)) break;
    words.push(token.norm.replace(/'s$/, ''));
  }
  return step === 1 ? words : words.reverse();
}

/** Who an age belongs to: the name before "NAME, 33," or after "33-year-old", else the noun after ("woman"). */
function ageOwner(scene: SlotScene, slot: Slot): string[] {
  const { tokens, text } = scene;
  const lexicon = conflictLexicon();
  const before = slot.firstToken - 1;
  if (before >= 0 && /,\s?$|\(\s?$/.test(text.slice(tokens[before]!.end, tokens[slot.firstToken]?.start ?? slot.start))) {
    const run = capitalisedRun(scene, before, -1);
    if (run.length) return run;
  }
  // "33-year-old": skip "year" and "old", then up to two describing words before a name or a noun.
  let t = slot.endToken;
  if (tokens[t]?.norm.startsWith('year')) t++;
  if (tokens[t]?.norm === 'old') t++;
  for (let k = 0; k < 3 && t + k < tokens.length && scene.tokenSentence[t + k] === slot.sentence; k++) {
    const token = tokens[t + k]!;
    if (isCapitalised(text, token) && !lexicon.stopwords.has(token.norm)) return capitalisedRun(scene, t + k, 1);
  }
  for (let k = 0; k < 3 && t + k < tokens.length && scene.tokenSentence[t + k] === slot.sentence; k++) {
    const token = tokens[t + k]!;
    if (!lexicon.stopwords.has(token.norm)) return [stem(token.norm)];
  }
  return [];
}

const isCapitalised = (text: string, token: Token) => /^[\p{Lu}]/u.test(text[token.start]!) || /^\d*[\p{Lu}]{2,}/u.test(text.slice(token.start, token.end));

/** Name slots: runs of capitalised words, without leading function words, titles, months or weekdays. */
function nameSlots(scene: SlotScene, midCaps: Set<string>): Slot[] {
  const lexicon = conflictLexicon();
  const { text, tokens } = scene;
  const slots: Slot[] = [];
  const nameToken = (i: number): boolean => {
    const token = tokens[i]!;
    if (!isCapitalised(text, token) || /^\d/.test(token.norm)) return false;
    const bare = token.norm.replace(/'s$/, '');
    if (lexicon.notNames.has(bare) || WEEKDAYS[bare] !== undefined || MONTHS[bare] !== undefined) return false;
    const sentenceStart = i === 0 || scene.tokenSentence[i - 1] !== scene.tokenSentence[i] || /["“‘(]\s*$/.test(text.slice(tokens[i - 1]!.end, token.start));
    if (sentenceStart && (lexicon.stopwords.has(bare) || !midCaps.has(bare))) return false;
    if (lexicon.stopwords.has(bare) && !midCaps.has(bare)) return false;
    return true;
  };
  let i = 0;
  while (i < tokens.length) {
    if (!nameToken(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && scene.tokenSentence[j] === scene.tokenSentence[i]) {
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
      if (tokens[j - 1]!.norm.endsWith("'s")) break;
      if (/^[ -]$/.test(gap) && nameToken(j)) j++;
      else if (/^ $/.test(gap) && NAME_CONNECTORS.has(tokens[j]!.norm) && j + 1 < tokens.length && /^[ -]$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start)) && nameToken(j + 1)) j += 2;
      else break;
    }
    // A title inside a run splits it and belongs to neither name ("Qeshm Governor Mehdi Irannejad").
    let first = i;
    for (let k = i; k <= j; k++) {
      if (k < j && !lexicon.titles.has(tokens[k]!.norm.replace(/\.$/, ''))) continue;
      while (first < k && lexicon.stopwords.has(tokens[first]!.norm)) first++;
      if (first < k && !(k - first === 1 && tokens[first]!.norm.length < 2)) slots.push(nameSlot(scene, first, k));
      first = k + 1;
    }
    i = j;
  }
  return withoutLists(text, slots);
}

/** Names listed three or more in a row ("Wink, Flirt and Beauty Parade") are members of a set, not one fact each. */
function withoutLists(text: string, names: Slot[]): Slot[] {
  const joined = (a: Slot, b: Slot) => a.sentence === b.sentence && /^\s*(?:,|,?\s*(?:and|or|&))\s*$/.test(text.slice(a.end, b.start).replace(/^'s/, ''));
  const keep: Slot[] = [];
  let run: Slot[] = [];
  const flush = () => {
    if (run.length < 3) keep.push(...run);
    run = [];
  };
  for (const slot of names) {
    if (run.length && !joined(run[run.length - 1]!, slot)) flush();
    run.push(slot);
  }
  flush();
  return keep;
}

function nameSlot(scene: SlotScene, first: number, end: number): Slot {
  const last = scene.tokens[end - 1]!;
  const words = scene.tokens.slice(first, end).map((t) => t.norm.replace(/'s$/, ''));
  const slot = makeSlot(scene, 'name', scene.tokens[first]!.start, last.norm.endsWith("'s") ? last.end - 2 : last.end, words.join(' '));
  slot.words = words;
  const lexicon = conflictLexicon();
  const written = scene.text.slice(slot.start, slot.end);
  const whole = words.join(' ');
  if (lexicon.placeHeads.has(words[words.length - 1]!) || lexicon.places.has(whole)) slot.nameKind = 'place';
  else if (words.some((w) => lexicon.orgHeads.has(w)) || lexicon.organisations.has(whole) || /^[\p{Lu}\d&.-]{2,}$/u.test(written)) slot.nameKind = 'organisation';
  else slot.nameKind = 'other';
  slot.place = slot.nameKind === 'place';
  return slot;
}

/** All slots of one article, sorted by start. */
export function findSlots(
  text: string,
  tokens: readonly Token[],
  tokenSentence: Int32Array,
  sentenceStarts: readonly number[],
  published: string | undefined,
): Slot[] {
  const scene: SlotScene = { text, tokens, tokenSentence, sentenceStarts };
  // Words written capitalised inside a sentence: a sentence's first word is a name only when it is one of these.
  const midCaps = new Set<string>();
  tokens.forEach((token, i) => {
    if (i > 0 && tokenSentence[i - 1] === tokenSentence[i] && isCapitalised(text, token) && !/["“‘(]\s*$/.test(text.slice(tokens[i - 1]!.end, token.start))) midCaps.add(token.norm.replace(/'s$/, ''));
  });
  const { slots: dates, covered } = dateSlots(scene, published);
  const all = [...dates, ...numberSlots(scene, covered, midCaps), ...nameSlots(scene, midCaps)];
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}
