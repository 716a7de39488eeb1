// The wording of a timeline event: the clause of a sentence that holds its date, without the date and the attribution; and words to compare events by.
import { dataLines } from '../../data-files.js';
import { turnMemo } from '../../text/turn-memo.js';

/** An event clause longer than this many words is cut (with "…"). */
const MAX_WORDS = 26;

/** Clause boundaries: semicolons, dashes, and a comma before a subordinating word. */
const BOUNDARY = /;\s+|\s+(?:--|—|–)\s+|,\s+(?=(?:but|while|as|after|before|when|which|who|although|though|because|whereas|amid|even as|days? before|weeks? before|\p{L}+ed by)\b)/giu;
/** Weaker boundaries, used when the clause they leave holds enough words: "… standing after successful tests in 2017". */
const INNER_BOUNDARY = /\s+(?=(?:after|when|because|while|whereas)\s+(?!\d|about|around|approximately|nearly|midnight|noon|dark|dawn))/gi;
/** Words that end a relative clause's antecedent going back ("… talks with [President-elect Joe Biden], who …"). */
const NOT_ANTECEDENT = /^(?:of|to|in|on|at|with|by|for|and|but|or|that|said|says|is|was|are|were|has|had|have|as|from|after|before|than)$/i;
const LEADING_CONJUNCTION = /^(?:(?:and|but|while|as|after|before|when|which|although|though|because|whereas|amid|even as|so)\s+|(?:however|meanwhile|still|yet|also|instead|moreover|then)\s*,\s*)/i;
/** ", the official KCNA news agency reported, without elaborating." — an attribution closing the clause. */
const TRAILING_ATTRIBUTION = /(?:,|["”’],?)\s+((?:the\s+|a\s+|an\s+)?[^,;"“”]{1,60}?)\s+(said|says|reported|reports|announced|added|told\s+[^,;]{1,30}?|according to\s+[^,;]{1,40}?)(?:\s+(?:on\s+)?\w+)?(?:\s*,\s*[^,;]{1,40})?\s*[.!]?\s*$/i;
const SPACE_BEFORE_PUNCTUATION = /\s+([,.;:!?])/g;

/** A span to take out of the wording (relative to the sentence); `phrase` for a day phrase, which takes its "of the congress" along. */
export interface RemovedSpan {
  start: number;
  end: number;
  phrase?: boolean;
}

/** The words that make a date or day phrase adverbial ("on Thursday", "in 2019"), so that it can go without breaking the clause. */
const PREPOSITIONS = /(?:\b(?:on|in|at|during|for|from|of|late|early)\s+)+$/i;
const PHRASE_LEAD = /(?:\b(?:on|in|at|during|for)\s+)(?:(?:the|its|a|his|her|their|this)\s+)?$/i;
/** What may follow a removed day phrase and depends on it: cut the clause there ("… on the second day of a congress held for …"). */
const DANGLING = /^\s*(?:held|convened|attended|hosted|organi[sz]ed|which|that|where)\b/i;

/** "of the meeting", "of the reclusive country’s ruling party congress" after a day phrase. */
const EVENT_OF = /^(?:\s+of\s+(?:the|a|an|its|this|their|his|her)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:congress|meeting|conference|summit|session|talks|trial|hearing|visit|plenum|assembly|convention|games|festival|tournament|event|strike|protests?|search|operation|campaign))?/iu;

export interface ClauseParts {
  /** The clause without its date phrases and closing attribution, capitalised, trimmed to a short length. */
  text: string;
  /** Who the clause is attributed to ("the Korean Central News Agency"), when an attribution closed it. */
  attribution?: string;
}

/**
 * The clause of `sentence` that holds the offset `at` (relative to the sentence), with the spans in `remove`
 * (date expressions, day phrases; relative to the sentence) taken out together with their preposition.
 */
export function eventClause(sentence: string, atOffset: number, remove: RemovedSpan[] = []): ClauseParts {
  // The copies of one report repeat its sentences: each clause is cut once per brief build.
  const key = `${atOffset}|${remove.map((span) => `${span.start},${span.end},${span.phrase ? 1 : 0}`).join(';')}|${sentence}`;
  const memo = clauseMemo();
  let parts = memo.get(key);
  if (!parts) memo.set(key, (parts = clauseOf(sentence, atOffset, remove)));
  return { ...parts };
}

const clauseMemo = turnMemo<string, ClauseParts>(20_000);

function clauseOf(sentence: string, atOffset: number, remove: RemovedSpan[]): ClauseParts {
  // Blank the removed spans first (with spaces of the same length), so that offsets stay valid while clauses are cut.
  let blanked = sentence;
  let cutAt = sentence.length;
  let at = atOffset;
  for (const span of remove) {
    if (span.start < 0 || span.end > sentence.length || span.end <= span.start) continue;
    const before = blanked.slice(0, span.start);
    const after = blanked.slice(span.end);
    const spanText = sentence.slice(span.start, span.end);
    let from: number;
    let to = span.end;
    if (span.phrase) {
      // A day phrase goes only when adverbial ("on the second day of the meeting"), with its event; as a subject it stays.
      const lead = PHRASE_LEAD.exec(before);
      if (!lead) continue;
      from = span.start - lead[0].length;
      to += EVENT_OF.exec(after)?.[0].length ?? 0;
      if (DANGLING.test(blanked.slice(to)) && from > at) cutAt = Math.min(cutAt, from);
    } else {
      // "today", "last night" need no preposition: "checked in today" keeps its "in".
      const prep = /^(?:today|yesterday|tomorrow|tonight|this|last|next|earlier|later)\b/i.test(spanText) ? null : PREPOSITIONS.exec(before);
      // "the 2019 summit", "2018 summits": a year used as an adjective stays; "vowed Wednesday to" loses its weekday.
      if (!prep && /^\d/.test(spanText)) continue;
      from = prep ? span.start - prep[0].length : span.start;
      const possessive = /^['’]s\b/.exec(after);
      if (possessive) to += possessive[0].length;
    }
    blanked = blanked.slice(0, from) + ' '.repeat(to - from) + blanked.slice(to);
  }
  blanked = blanked.slice(0, cutAt).replace(/\(\s*\)/g, (m) => ' '.repeat(m.length));
  // A closing attribution (", a prosecutor said Friday") is set aside; a date inside it dates the main clause.
  let attribution: string | undefined;
  const tail = TRAILING_ATTRIBUTION.exec(blanked);
  if (tail && words(blanked.slice(0, tail.index)) >= 4 && !/\b(he|she|they|it|i|we|who)\s*$/i.test(tail[1]!)) {
    attribution = tail[1]!.trim();
    blanked = blanked.slice(0, tail.index);
    if (at >= tail.index) at = 0;
  }
  let [start, end] = segmentAt(blanked, at, BOUNDARY);
  const [innerStart, innerEnd] = segmentAt(blanked.slice(start, end), at - start, INNER_BOUNDARY);
  if (words(blanked.slice(start + innerStart, start + innerEnd)) >= 5) [start, end] = [start + innerStart, start + innerEnd];
  let clause = blanked.slice(start, end);
  // ", who is to take office on Jan. 20," -> "President-elect Joe Biden is to take office".
  const relative = /^\s*(?:who|which)\s+/i.exec(clause);
  if (relative) {
    const antecedent = antecedentBefore(blanked.slice(0, start));
    const body = clause.slice(relative[0].length).split(/,\s/)[0]!;
    if (antecedent) clause = `${antecedent} ${body}`;
  }
  // A clause of a few words ("SEOUL (Dispatches)") says nothing: fall back to the whole sentence.
  if (words(clause) < 4) clause = blanked;
  clause = clause.replace(/\s+/g, ' ').replace(SPACE_BEFORE_PUNCTUATION, '$1').replace(/,\s*,/g, ',').trim();
  clause = clause.replace(/^[,;:\s]+/, '').replace(LEADING_CONJUNCTION, '');
  // "In his speech, Kim ..." keeps its frame; a frame left empty by the removals ("On its , Kim") goes.
  clause = clause.replace(/^(?:On|In|During|At|For)\s+(?:(?:the|its|his|her|their|a|an)\s*)?(?:of\s+the\s+\S+\s*)?,\s*/i, '');
  const innerTail = TRAILING_ATTRIBUTION.exec(clause);
  if (innerTail && words(clause.slice(0, innerTail.index)) >= 4 && !/\b(he|she|they|it|i|we|who)\s*$/i.test(innerTail[1]!)) {
    attribution ??= innerTail[1]!.trim();
    clause = clause.slice(0, innerTail.index);
  }
  clause = balanceQuotes(clause.replace(/[\s,;:]+$/, '')).replace(/[\s,;:.]+$/, '');
  // A clause left ending on "and" or "for" (its date taken out) ends before it.
  clause = clause.replace(/(?:\s+(?:and|or|but|for|of|with|from|since|the))+$/i, '');
  return { text: capitalise(shorten(clause)), attribution };
}

/** Words of real text in a wording (letters, two or more): clock times and stray marks do not count. */
export function wordCount(text: string): number {
  return words(text);
}

/** The span [start, end) between the boundaries around `at`. */
function segmentAt(text: string, at: number, boundary: RegExp): [number, number] {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(boundary)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

/** Up to four words just before a relative clause's comma, stopping at a verb or preposition. */
function antecedentBefore(text: string): string | undefined {
  const parts = text.replace(/[,\s]+$/, '').split(/\s+/);
  const kept: string[] = [];
  while (parts.length && kept.length < 4) {
    const word = parts[parts.length - 1]!;
    if (NOT_ANTECEDENT.test(word) || /[.;:)]$/.test(word)) break;
    kept.unshift(parts.pop()!);
  }
  return kept.length ? kept.join(' ') : undefined;
}

/** Content words (lower case, light stemming) of a wording, for comparing events; dates and function words are left out. */
export function eventWords(text: string): string[] {
  const memo = wordsMemo();
  let words = memo.get(text);
  if (!words) memo.set(text, (words = wordsOf(text)));
  return [...words];
}

const wordsMemo = turnMemo<string, string[]>(20_000);

function wordsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    let w = m[0].replace(/['’]s$/, '').replace(/['’-]/g, '');
    if (w.length < 3 || stop().has(w) || CALENDAR.has(w)) continue;
    w = w.replace(/ies$/, 'y').replace(/(?<!s)s$/, '').replace(/(?:ed|ing|ly)$/, '');
    out.add(w.length > 6 ? w.slice(0, 6) : w);
  }
  return [...out];
}

const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tomorrow', 'day', 'days', 'week', 'month', 'year',
  'said', 'says', 'told', 'reported', 'also', 'would', 'will',
]);
let stopwords: Set<string> | undefined;
const stop = (): Set<string> => (stopwords ??= new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))));

const words = (text: string): number => text.match(/\p{L}{2,}/gu)?.length ?? 0;

function shorten(text: string): string {
  const parts = text.split(/\s+/);
  if (parts.length <= MAX_WORDS) return text;
  return `${parts.slice(0, MAX_WORDS).join(' ').replace(/[,;:]$/, '')}…`;
}

/** Drops a quotation mark left without its partner by cutting the clause. */
function balanceQuotes(text: string): string {
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  let out = text;
  if (open > close) out = out.replace(/“(?![^“]*”)/, '');
  else if (close > open) out = out.replace(/”(?![^”]*”)/, '');
  if ((out.match(/"/g) ?? []).length % 2 === 1) out = out.replace(/"(?!.*")/, '');
  return out.trim();
}

const capitalise = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
