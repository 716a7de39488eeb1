// Mentions of names in one text: runs of capitalised words, cut at titles and non-name words, typed from the lexicon and the context.
import { lexicon, type Lexicon } from './lexicon.js';
import { fold, isAcronym, nameKey, stripPossessive } from './names.js';
import type { EntityMention, EntityType } from './entities.js';
import { turnMemo } from '../../text/turn-memo.js';

/** A word of the text with what the finder needs to know about it. */
interface Word {
  start: number;
  end: number;
  text: string;
  folded: string;
  capitalised: boolean;
  sentenceStart: boolean;
  /** Ends in a possessive (`Korea's`): a name stops here. */
  possessive: boolean;
  line: number;
}

/** A mention before names are assigned, with how sure its type is (0.5 = default guess … 3 = a list or a title says so). */
export interface RawMention extends EntityMention {
  evidence: number;
}

// Words keep inner hyphens, apostrophes, periods and ampersands (Jong-un, O'Leary, U.S, AT&T); a lone `&` and a
// spaced hyphen are words too, so that they can join names (Defence & Space, Wal - Mart).
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|&|(?<= )-(?= )/gu;
const ABBREVIATION = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'adm', 'gov', 'sen', 'rep', 'rev', 'inc', 'corp', 'co', 'ltd', 'bros', 'maj', 'cmdr', 'n', 's', 'mt', 'ft']);
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'del', 'dos', 'das']);
const OF_HEADS = new Set(['republic', 'kingdom', 'states', 'emirates', 'union', 'city', 'isle', 'islands', 'gulf', 'bay', 'sea', 'cape', 'port', 'lake', 'mount', 'province', 'state', 'university', 'bank', 'ministry', 'department', 'office', 'house', 'church', 'court', 'academy', 'institute', 'school', 'college', 'museum', 'council', 'federation', 'association', 'organization', 'organisation', 'league', 'party', 'board', 'commission', 'bureau', 'agency', 'society', 'chamber', 'coalition', 'committee', 'front', 'army', 'order', 'people', 'peoples']);
/** Head words that take a `for` phrase inside their name (Center for the National Interest, Campaign for Nuclear Disarmament). */
const FOR_HEADS = new Set([...OF_HEADS, 'center', 'centre', 'foundation', 'fund', 'alliance', 'campaign', 'network', 'movement', 'partnership', 'endowment', 'forum', 'trust', 'initiative', 'coalition', 'committee', 'council']);
/** Points of the compass: a hyphenated pair of them (North-South, East-West relations) is a modifier, never a name. */
const COMPASS = /^(?:north|south|east|west)(?:east|west)?$/;
/** An ordinal right before a name: `the 8th Congress`, `the Eighth Plenum` are numbered sittings. */
const ORDINAL_BEFORE = /(?:\b\d+(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth|\w+-(?:first|second|third|\w+th)))\s+$/i;
const SPEECH = /^\s*,?\s*(?:said|says|told|added|explained|wrote|stated|noted|argued|asked|announced|insisted)\b/;
const SPEECH_BEFORE = /\b(?:said|says|told|added|according to)\s*$/;
const PERSON_PATTERN = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;
/** Endings of common words (Unfortunately, Reactions, Internal): a lone capitalised one at a sentence start is no name. */
const COMMON_ENDING = /(?:ly|ing|ed|ions?|ments?|ness|ity|ities|ous|ive|ful|less|able|ible|al|ists?|ers)$/;
/** Lower-case role words that are also ordinary adjectives: no evidence of a person after them (a major Boeing customer). */
const AMBIGUOUS_ROLES = new Set(['major', 'general', 'chief', 'head', 'chair', 'father', 'justice', 'executive', 'agent', 'lady', 'miss', 'dean', 'officer', 'king', 'queen', 'prince', 'saint', 'lord', 'leader', 'director', 'manager', 'minister', 'secretary', 'editor', 'judge', 'coach']);

/** `-based`, `-led`: a hyphenated ending after a name that is not part of it. */
const HYPHEN_TAIL = /-(?:based|led|backed|owned|made|born|era|style|run|funded|controlled|bound|linked|related|allied|friendly|dominated|listed|headquartered|registered)$/i;

// The prefix test only runs when a hyphen stands where `al-`, `ash-` would end (most words have none).
const isCapitalised = (text: string): boolean =>
  /^\p{Lu}/u.test(text) || ((text.charCodeAt(2) === 0x2d || text.charCodeAt(3) === 0x2d) && /^(?:al|el|ad|as|ash|an|at|az)-\p{Lu}/u.test(text));

/** The words of a text with their offsets; a final period stays on abbreviations and initials (`U.S.`, `Mr.`, `N.`). */
function words(lex: Lexicon, text: string): Word[] {
  const result: Word[] = [];
  let line = 0;
  let lineScan = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    let end = start + match[0].length;
    let raw = match[0];
    if (text[end] === '.' && (raw.includes('.') || ABBREVIATION.has(raw.toLowerCase()) || lex.titles.has(fold(raw) + '.') || /^\p{Lu}$/u.test(raw))) {
      end++;
      raw += '.';
    }
    // `US-led`, `Washington-based`: the name is the part before the hyphen, and it ends there.
    const tail = raw.includes('-') ? HYPHEN_TAIL.exec(raw) : null;
    if (tail && tail.index > 0) {
      end = start + tail.index;
      raw = raw.slice(0, tail.index);
    }
    // Plural possessive inside a name: "Workers' Party", "Farmers' Union" (a common word, or an organisation's head word next).
    const nextWord = (): string | undefined => /^[ \t]+(\p{Lu}\p{L}*)/u.exec(text.slice(end + 1, end + 24))?.[1];
    if (raw.endsWith('s') && (text[end] === "'" || text[end] === '’') && nextWord() && (lex.common.has(singular(fold(raw))) || lex.orgHeads.has(fold(nextWord()!)))) {
      end++;
      raw += text[end - 1];
    }
    for (; lineScan < start; lineScan++) if (text.charCodeAt(lineScan) === 10) line++;
    // Sentence start: only quotes, brackets and spaces between this word and a line start or [.!?:].
    let back = start - 1;
    while (back >= 0 && /[\s"“”'‘’(\[«`]/.test(text[back]!) && text[back] !== '\n') back--;
    const sentenceStart = back < 0 || /[\n.!?:;•|]/.test(text[back]!) || text[back] === '—';
    result.push({
      start,
      end,
      text: raw,
      folded: fold(raw),
      capitalised: isCapitalised(raw),
      sentenceStart,
      possessive: stripPossessive(raw) !== raw || tail !== null,
      line,
    });
  }
  return result;
}

/**
 * Lines in title case (headlines, page furniture): most long words capitalised, and a capitalised function word
 * inside the line (`Vows To Improve Ties With`), which a list of names (`Air China , Hainan Airlines and …`) lacks.
 */
function titleCaseLines(lex: Lexicon, all: Word[]): Set<number> {
  const counts = new Map<number, { long: number; capitalised: number; functionWord: boolean }>();
  for (const word of all) {
    if (!/^\p{L}/u.test(word.text)) continue;
    const count = counts.get(word.line) ?? { long: 0, capitalised: 0, functionWord: false };
    // Weekdays and months are capitalised in any sentence: no sign of title case.
    if (word.capitalised && !word.sentenceStart && lex.stopwords.has(word.folded) && !lex.calendar.has(word.folded)) count.functionWord = true;
    if (word.text.length >= 4) {
      count.long++;
      if (word.capitalised) count.capitalised++;
    }
    counts.set(word.line, count);
  }
  const lines = new Set<number>();
  for (const [line, count] of counts) if (count.long >= 3 && count.capitalised / count.long >= 0.7 && count.functionWord) lines.add(line);
  return lines;
}

/** Only spaces or tabs between two words. */
const adjacent = (text: string, a: Word, b: Word): boolean => a.line === b.line && /^[ \t]+$/.test(text.slice(a.end, b.start));

/** Runs of capitalised words joined by spaces, particles (`bin`, `van`), `&` and `of` after a head word (`Bank of England`). */
function chains(text: string, all: Word[]): Word[][] {
  const result: Word[][] = [];
  let i = 0;
  while (i < all.length) {
    if (!all[i]!.capitalised) {
      i++;
      continue;
    }
    const chain = [all[i]!];
    let j = i + 1;
    // After `for` a name runs on through `of` (Center for the Study of Lakes).
    let tookFor = false;
    while (j < all.length) {
      const last = chain[chain.length - 1]!;
      if (/['’]s$/u.test(last.text) || last.end - last.start < last.text.length || text[last.end] === '-') break;
      const next = all[j]!;
      if (!adjacent(text, last, next)) break;
      if (next.capitalised) {
        chain.push(next);
        j++;
        continue;
      }
      // A connector counts only when a capitalised word follows it.
      const connector = next.folded;
      let span = 1;
      const head = last.folded.replace(/['’]s?$/u, '');
      const joins =
        PARTICLES.has(connector) ||
        connector === '&' ||
        (connector === '-' && chain.length === 1) ||
        (connector === 'of' && (OF_HEADS.has(head) || tookFor)) ||
        (connector === 'for' && FOR_HEADS.has(head));
      if ((connector === 'of' || connector === 'for') && all[j + 1]?.folded === 'the') span = 2;
      const after = all[j + span];
      if (!joins || !after || !after.capitalised || !adjacent(text, all[j + span - 1]!, after)) break;
      for (let k = 0; k < span; k++) chain.push(all[j + k]!);
      j += span;
      if (connector === 'for') tookFor = true;
    }
    result.push(chain);
    i = j;
  }
  return result;
}

const spacedText = (parts: Word[]): string => parts.map((word) => word.folded).join(' ');

/** Longest known entry starting at `i` (its word count), 0 when none. */
function knownAt(lex: Lexicon, chain: Word[], i: number): number {
  for (let n = Math.min(lex.knownMaxWords, chain.length - i); n >= 1; n--) {
    const parts = chain.slice(i, i + n);
    const last = parts[n - 1]!;
    const surface = n === 1 ? last.folded : spacedText(parts.slice(0, -1)) + ' ' + last.folded;
    const known = lex.known.get(fold(stripPossessive(surface))) ?? lex.known.get(surface);
    if (known && allowedForm(lex, parts.map((p) => p.text).join(' '))) return n;
  }
  return 0;
}

/** Short all-capital aliases (`US`, `WHO`) count only when written in capitals. */
function allowedForm(lex: Lexicon, surface: string): boolean {
  const key = nameKey(surface);
  return !lex.capitalsOnly.has(key) || !/\p{Ll}/u.test(surface.replace(/['’]s$/u, ''));
}

/** Longest title starting at `i` (its word count), 0 when none. */
function titleAt(lex: Lexicon, chain: Word[], i: number): number {
  for (let n = Math.min(lex.titleMaxWords, chain.length - i); n >= 1; n--) {
    if (lex.titles.has(spacedText(chain.slice(i, i + n)).replace(/\.$/, '')) || lex.titles.has(spacedText(chain.slice(i, i + n)))) return n;
  }
  return 0;
}

/** A crude stem, enough to see that a headline's `Vows` is the body's `vowed`. */
const stem = (word: string): string => word.replace(/(?:ies|es|s|ed|ing)$/, '');

/** A plural's singular, roughly (flights -> flight, companies -> company), for looking common words up. */
const singular = (word: string): string => word.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');

/** Longest never-a-name entry (month, holiday, currency code) starting at `i`, in words; 0 when none. */
function calendarAt(lex: Lexicon, chain: Word[], i: number): number {
  for (let n = Math.min(2, chain.length - i); n >= 1; n--) {
    const surface = fold(stripPossessive(chain.slice(i, i + n).map((word) => word.text).join(' ')));
    if (lex.calendar.has(surface) || lex.calendar.has(surface.replace(/\.$/, ''))) return n;
  }
  return 0;
}

/**
 * A word that cannot start a name where it stands. At a sentence start (and anywhere in a title-case line) a
 * function word or verb form is dropped, and so is a common noun or adjective unless a capitalised word follows it
 * (Air China, Royal Air Force); a lone sentence-initial word also when the text writes it in lower case elsewhere or
 * it has a common-word ending.
 */
function notName(lex: Lexicon, word: Word, titleCase: boolean, seen: Seen, hasNext: boolean): boolean {
  if (/\p{N}/u.test(word.text)) return true; // product and model numbers: A330, 737-800
  const bare = fold(stripPossessive(word.text));
  if (!/\p{Ll}/u.test(word.text) && !lex.known.has(bare) && (word.text.length > 5 || lex.common.has(bare))) return true; // ADVERTISEMENT, FULL TEXT
  const contraction = /^(\p{L}+)['’]\p{L}{1,2}$/u.exec(bare);
  if (contraction && lex.stopwords.has(contraction[1]!)) return true; // I'm, We're
  if (lex.demonyms.has(bare) && !hasNext) return true;
  if (!(word.sentenceStart || titleCase)) return false;
  // In a title-case headline, a word the text writes in lower case elsewhere (Vows ~ vowed) is an ordinary word.
  if (titleCase && !seen.capitalised.has(bare) && !lex.known.has(bare) && seen.lowerStems.has(stem(bare))) return true;
  if (lex.functional.has(bare)) return true;
  if (hasNext) return false;
  // Written with a capital inside a sentence elsewhere in the text: a name (Jobs, Boeing).
  if (seen.capitalised.has(bare)) return false;
  if (lex.common.has(bare) || lex.common.has(singular(bare))) return true;
  if (lex.firstNames.has(bare) || lex.known.has(bare)) return false;
  return seen.lower.has(bare) || COMMON_ENDING.test(bare);
}

/**
 * Hyphenated compounds of names (`KCNA-Yonhap` credits, `Kim-Trump diplomacy`, `US-China trade`) are split into
 * their names, each then found on its own; a pair of compass points (`North-South relations`) is dropped. A compound
 * stays whole when the lists know it whole, or when a part is not a name by itself (Rolls-Royce, Guinea-Bissau): a
 * part is a name when the lists know it, or when the text writes it capitalised on its own and it is no common word.
 */
function splitCompounds(lex: Lexicon, all: Word[], capitalisedAlone: Has): Word[] {
  const result: Word[] = [];
  for (const word of all) {
    const parts = word.text.split('-');
    if (parts.length < 2 || !word.capitalised || parts.some((part) => !/^\p{Lu}/u.test(part)) || lex.known.has(fold(stripPossessive(word.text)))) {
      result.push(word);
      continue;
    }
    const bare = parts.map((part) => fold(stripPossessive(part)).replace(/\.$/, ''));
    if (bare.every((part) => COMPASS.test(part))) continue;
    const names = bare.every((part, k) => (lex.known.has(part) && allowedForm(lex, parts[k]!)) || (capitalisedAlone.has(part) && !lex.common.has(part)));
    if (!names) {
      result.push(word);
      continue;
    }
    let at = word.start;
    parts.forEach((part, k) => {
      const lastPart = k === parts.length - 1;
      // The compound's end may stop short of its text (`-based` cut off) or include a final period.
      const end = lastPart ? word.end : at + part.length;
      result.push({ ...word, start: at, end, text: part, folded: fold(part), sentenceStart: k === 0 && word.sentenceStart, possessive: lastPart && word.possessive });
      at += part.length + 1;
    });
  }
  return result;
}

/** Membership tests on the words the whole text has, as the line-level work asks them (and a memo records them). */
interface Has {
  has(key: string): boolean;
}
interface Seen {
  /** Words written in lower case (folded), and their crude stems. */
  lower: Has;
  lowerStems: Has;
  /** Words written capitalised inside a sentence, outside title-case lines (folded, possessive removed). */
  capitalised: Has;
}

/** One line of a text on its own: its words (offsets into the line, line 0) and what they add to the text's `Seen`. */
interface LineWords {
  words: Word[];
  titleCase: boolean;
  lower: string[];
  lowerStems: string[];
  capitalised: string[];
  /** Mentions found on this line before, each with the `Seen` answers they rest on. */
  variants: LineVariant[];
}

/** A run of name words as the chain rules left it, and its typed mention unless typing reads past the line. */
interface LineSegment {
  words: Word[];
  personCue: boolean;
  /** Typing reads up to 24 characters before the run and 60 after it; past the line it is redone in each text. */
  crosses: boolean;
  mention: RawMention | undefined;
}

interface LineVariant {
  /** Queries made of `Seen` (0 lower, 1 lowerStems, 2 capitalised), with their answers. */
  sets: number[];
  keys: string[];
  answers: boolean[];
  segments: LineSegment[];
}

/** Characters before and after a run that typing reads (see `typeSegment`). */
const READS_BEFORE = 24;
const READS_AFTER = 60;
/** Variants kept per line text; beyond them a line is worked out afresh each time. */
const MAX_VARIANTS = 8;
const lineMemo = turnMemo<string, LineWords>(50_000);

/** The words of one line (memoised by its text): words never span a line break, and a word's reads stop at it. */
function lineWords(lex: Lexicon, line: string): LineWords {
  const memo = lineMemo();
  const known = memo.get(line);
  if (known) return known;
  const all = words(lex, line);
  const titleCase = titleCaseLines(lex, all).size > 0;
  const entry: LineWords = { words: all, titleCase, lower: [], lowerStems: [], capitalised: [], variants: [] };
  for (const word of all) {
    if (/^\p{Ll}/u.test(word.text)) {
      entry.lower.push(word.folded);
      entry.lowerStems.push(stem(word.folded));
    } else if (word.capitalised && !word.sentenceStart && !titleCase) entry.capitalised.push(fold(stripPossessive(word.text)));
  }
  memo.set(line, entry);
  return entry;
}

const shifted = (words: Word[], offset: number, line: number): Word[] => words.map((word) => ({ ...word, start: word.start + offset, end: word.end + offset, line }));

/**
 * Mentions of a text. The work is done line by line, since names never run across a line break: a line that
 * recurs (wire copies of one report share most of theirs) is worked out once per brief build and reused
 * wherever the words of the whole text answer its questions alike; the few runs whose typing reads the
 * neighbouring lines are typed again in each text.
 */
export function findRawMentions(text: string, options: { byLine?: boolean } = {}): RawMention[] {
  if (!text) return [];
  const lex = lexicon();
  const lines: { start: number; text: string; words: LineWords }[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    lines.push({ start, text: line, words: lineWords(lex, line) });
    start = end + 1;
  }
  const sets = [new Set<string>(), new Set<string>(), new Set<string>()] as const;
  for (const { words: w } of lines) {
    for (const word of w.lower) sets[0].add(word);
    for (const word of w.lowerStems) sets[1].add(word);
    for (const word of w.capitalised) sets[2].add(word);
  }
  const seen: Seen = { lower: sets[0], lowerStems: sets[1], capitalised: sets[2] };

  const mentions: RawMention[] = [];
  if (options.byLine === false || chainsCrossLines(lines.map((line) => line.words.words))) {
    // `… the Bank of` / `the Nation …`: a run joined over a line break; the text is read as one (no memo).
    // (`byLine: false` reads every text so: the reference the line-by-line reading is tested against.)
    let all = lines.flatMap((line, index) => shifted(line.words.words, line.start, index));
    all = splitCompounds(lex, all, seen.capitalised);
    for (const chain of chains(text, all)) {
      segmentsOf(lex, chain, lines[chain[0]!.line]!.words.titleCase, seen, (segment, personCue) => {
        const mention = typeSegment(lex, text, segment, personCue);
        if (mention) mentions.push(mention);
      });
    }
  } else {
    lines.forEach((line, index) => {
      const variant = line.words.variants.find((v) => v.keys.every((key, k) => sets[v.sets[k]!]!.has(key) === v.answers[k])) ?? lineVariant(lex, line.text, line.words, sets);
      for (const segment of variant.segments) {
        if (segment.crosses) {
          const mention = typeSegment(lex, text, shifted(segment.words, line.start, index), segment.personCue);
          if (mention) mentions.push(mention);
        } else if (segment.mention) mentions.push({ ...segment.mention, start: segment.mention.start + line.start, end: segment.mention.end + line.start });
      }
    });
  }
  linkParentheses(text, mentions);
  const named = dropCommonAcronyms(text, mentions);
  trimCampWords(lex, named);
  harmoniseTypes(lex, named);
  return named.filter((mention) => mention.evidence > 0);
}

/** Works out one line's runs of name words, recording what it asks of the text's words; kept as a variant of the line. */
function lineVariant(lex: Lexicon, line: string, entry: LineWords, sets: readonly [Set<string>, Set<string>, Set<string>]): LineVariant {
  const variant: LineVariant = { sets: [], keys: [], answers: [], segments: [] };
  const asked = (index: number): Has => ({
    has: (key) => {
      const answer = sets[index]!.has(key);
      variant.sets.push(index);
      variant.keys.push(key);
      variant.answers.push(answer);
      return answer;
    },
  });
  const seen: Seen = { lower: asked(0), lowerStems: asked(1), capitalised: asked(2) };
  const all = splitCompounds(lex, entry.words, seen.capitalised);
  for (const chain of chains(line, all)) {
    segmentsOf(lex, chain, entry.titleCase, seen, (segment, personCue) => {
      const crosses = segment[0]!.start - READS_BEFORE < 0 || segment[segment.length - 1]!.end + READS_AFTER > line.length;
      // typeSegment trims the array it is given; the kept run stays whole for the texts that type it again.
      variant.segments.push({ words: segment, personCue, crosses, mention: crosses ? undefined : typeSegment(lex, line, [...segment], personCue) });
    });
  }
  if (entry.variants.length < MAX_VARIANTS) entry.variants.push(variant);
  return variant;
}

/**
 * Whether a run of name words could join across a line break: `of` or `for` ends a line and `the` (or a compound
 * that splits into `The-…`) starts the next line with words (`chains` looks two words ahead there). Nowhere else
 * does a run reach past its line.
 */
function chainsCrossLines(lines: Word[][]): boolean {
  let last: Word | undefined;
  for (const line of lines) {
    if (!line.length) continue;
    if (last && (last.folded === 'of' || last.folded === 'for') && /^the(?:-|$)/.test(line[0]!.folded)) return true;
    last = line[line.length - 1];
  }
  return false;
}

/** The runs of name words in one chain (titles, calendar words and non-name words cut it), each with whether a title preceded it. */
function segmentsOf(lex: Lexicon, chain: Word[], titleCase: boolean, seen: Seen, emit: (segment: Word[], personCue: boolean) => void): void {
  let segment: Word[] = [];
  let personCue = false;
  const flush = (nextCue: boolean) => {
    // Connectors left at either end are not part of the name.
    while (segment.length && !segment[0]!.capitalised) segment.shift();
    while (segment.length && !segment[segment.length - 1]!.capitalised) segment.pop();
    // A run of more than ten capitalised words is shouting or a list, not one name.
    if (segment.length > 10) segment = [];
    if (segment.length) emit(segment, personCue);
    segment = [];
    personCue = nextCue;
  };
  let i = 0;
  while (i < chain.length) {
    const calendar = calendarAt(lex, chain, i);
    if (calendar) {
      flush(false);
      i += calendar;
      continue;
    }
    const known = knownAt(lex, chain, i);
    const title = known ? 0 : titleAt(lex, chain, i);
    if (title && !(segment.length === 0 && i + title === chain.length && titleCase)) {
      flush(true);
      i += title;
      continue;
    }
    if (known) {
      segment.push(...chain.slice(i, i + known));
      i += known;
      continue;
    }
    const word = chain[i]!;
    if (/\p{N}/u.test(word.text)) {
      flush(false); // model numbers end a name: Airbus A380, KC-45
      i++;
      continue;
    }
    const previous = segment[segment.length - 1];
    // Two acronyms side by side are two names (UK RAF).
    if (previous && isAcronym(previous.text) && isAcronym(word.text)) flush(false);
    // An organisation's head word or legal form, then a first name: two names (Air Force James Roche, Apple Inc. Steve Jobs).
    const previousBare = previous ? fold(previous.text).replace(/\.$/, '') : '';
    if (previous && segment.length > 1 && (lex.orgHeads.has(previousBare) || lex.suffixes.has(previousBare)) && lex.firstNames.has(word.folded) && chain[i + 1]?.capitalised) flush(false);
    const inside = segment.length > 0;
    const hasNext = i + 1 < chain.length && chain[i + 1]!.capitalised;
    // Inside a name a capitalised common word is still a name word (Government Accountability Office), except in title case.
    const bare = fold(stripPossessive(word.text));
    const drop =
      word.capitalised &&
      (inside
        ? titleCase &&
          (lex.functional.has(bare) ||
            lex.functional.has(singular(bare)) ||
            ((/(?:ed|ing|ly)$/.test(bare) || seen.lowerStems.has(stem(bare))) && !lex.known.has(bare) && !seen.capitalised.has(bare)))
        : lex.stopwords.has(bare) || notName(lex, word, titleCase, seen, hasNext));
    if (drop || (!inside && /^(?:the|a|an)$/.test(word.folded))) {
      flush(false);
      i++;
      continue;
    }
    segment.push(word);
    i++;
  }
  flush(false);
}

/**
 * Schwartz & Hearst's test that a short form abbreviates a long form: its letters appear in the long form in order,
 * right to left, the first one at the start of a word (ICBM in `intercontinental ballistic missile`).
 */
function abbreviates(short: string, long: string): boolean {
  const letters = fold(short).replace(/[^\p{L}\p{N}]/gu, '');
  const chars = fold(long);
  let at = chars.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters[s]!;
    while (at >= 0 && (chars[at] !== c || (s === 0 && at > 0 && /[\p{L}\p{N}]/u.test(chars[at - 1]!)))) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}

/**
 * An acronym the text defines by a lower-case phrase (`intercontinental ballistic missile (ICBM)`) abbreviates a
 * common noun: it is no name, here or anywhere else in the text (`its largest ICBM yet`, `ICBMs`).
 */
function dropCommonAcronyms(text: string, mentions: RawMention[]): RawMention[] {
  const common = new Set<string>();
  for (const mention of mentions) {
    if (!isAcronym(mention.text) || !/^\s*\)/.test(text.slice(mention.end, mention.end + 3))) continue;
    const open = /\(\s*$/.exec(text.slice(Math.max(0, mention.start - 3), mention.start));
    if (!open) continue;
    const before = text.slice(Math.max(0, mention.start - 3 - 120), mention.start - 3 + open.index).split('\n').pop()!;
    const phrase = before.trimEnd().split(/\s+/).filter(Boolean);
    const letters = nameKey(mention.text).length;
    // The shortest run of lower-case words before the bracket that the acronym abbreviates; a capitalised word ends the search.
    for (let k = 1; k <= Math.min(phrase.length, letters + 2); k++) {
      const word = phrase[phrase.length - k]!;
      if (!/^\p{Ll}/u.test(word)) break;
      if (fold(word)[0] === fold(mention.text)[0] && abbreviates(mention.text, phrase.slice(-k).join(' '))) {
        common.add(nameKey(mention.text));
        break;
      }
    }
  }
  if (!common.size) return mentions;
  return mentions.filter((mention) => {
    const key = nameKey(mention.text);
    return !common.has(key) && !(key.endsWith('s') && common.has(key.slice(0, -1)));
  });
}

/** `Team Biden`: a camp word before a person's name of the text is cut off, and the rest is that person. */
function trimCampWords(lex: Lexicon, mentions: RawMention[]): void {
  const people = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'PER' || mention.evidence < 1.5) continue;
    const parts = mention.text.split(/\s+/);
    people.add(nameKey(mention.text));
    people.add(nameKey(parts[parts.length - 1]!));
  }
  for (const mention of mentions) {
    const camp = /^(\S+)\s+/u.exec(mention.text);
    if (!camp || !lex.campWords.has(fold(camp[1]!))) continue;
    const rest = mention.text.slice(camp[0].length);
    const restWords = rest.split(/\s+/);
    const person = people.has(nameKey(rest)) || lex.known.get(fold(rest))?.type === 'PER' || (restWords.length >= 2 && restWords.length <= 3 && lex.firstNames.has(fold(restWords[0]!)));
    if (!person) continue; // Team Sky, Team USA: a team's own name
    mention.start += camp[0].length;
    mention.text = rest;
    mention.name = rest;
    mention.type = 'PER';
    mention.evidence = Math.max(mention.evidence, 1.5);
  }
}

/** Types one run of name words; undefined when it is not a name (a demonym, a lone common word). */
function typeSegment(lex: Lexicon, text: string, segment: Word[], personCue: boolean): RawMention | undefined {
  let article = '';
  if (segment.length > 1 && /^(?:the|a|an)$/.test(segment[0]!.folded)) article = segment.shift()!.folded + ' ';
  // A group word or demonym before a person's name is not part of it (Democrat Hillary Clinton, German Angela Merkel).
  if (segment.length > 2 && lex.demonyms.has(segment[0]!.folded) && lex.firstNames.has(segment[1]!.folded)) segment.shift();
  while (segment.length > 1 && lex.tails.has(segment[segment.length - 1]!.folded)) segment.pop();
  const first = segment[0]!;
  const last = segment[segment.length - 1]!;
  const start = first.start;
  let end = last.end;
  let surface = text.slice(start, end);
  const bare = stripPossessive(surface);
  end -= surface.length - bare.length;
  surface = bare;
  const folded = fold(surface).replace(/\s+/g, ' ');
  const curated = lex.known.get(folded);
  if (!(curated?.curated && allowedForm(lex, surface)) && (lex.demonyms.has(folded) || lex.demonyms.has(singular(folded)))) return undefined; // North Korean(s)
  const wordsFolded = segment.map((word) => fold(stripPossessive(word.text)));
  const lastWord = wordsFolded[wordsFolded.length - 1]!.replace(/\.$/, '');
  const firstWord = wordsFolded[0]!.replace(/\.$/, '');
  const make = (type: EntityType, evidence: number): RawMention => ({ start, end, text: surface, type, name: surface, evidence });

  if (lex.eventHeads.has(lastWord) && segment.length > 1) return undefined;
  // `the 8th Congress`, `the Third Plenum of the Central Committee`: a numbered sitting is an event, not the body.
  if (lex.sessionHeads.has(lastWord) && (ORDINAL_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || (segment.length > 1 && ORDINAL_BEFORE.test(firstWord + ' ')))) return undefined;
  if (isAcronym(surface) && /^\s?\$/.test(text.slice(end, end + 2))) return undefined; // US$ 40 billion
  const known = lex.known.get(folded) ?? (article ? lex.known.get(article + folded) : undefined);
  if (known && allowedForm(lex, surface)) return make(known.type, known.curated ? 3 : 2);
  const acronym = isAcronym(surface);
  if (personCue && !acronym) return make('PER', 3);
  // A lower-case title before (spokeswoman Sandy Angers) or a title in an apposition after (Jusman Syafii Djamal, minister of …).
  const roleBefore = /(\p{Ll}[\p{Ll}.-]*)\s+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  if (roleBefore && !acronym && lex.titles.has(roleBefore) && !AMBIGUOUS_ROLES.has(roleBefore)) return make('PER', 3);
  if (roleBefore && lex.orgDescriptors.has(roleBefore)) return make('ORG', 2);
  const apposition = /^\s*,\s*(?:(?:the|a|an|former|then|current|its|his|her)\s+)?((?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*)/u.exec(text.slice(end, end + 60))?.[1];
  if (apposition && !acronym && apposition.split(/\s+/).some((word) => lex.titles.has(word))) return make('PER', 2);
  const n = segment.length;
  // `Gulf of Aden`, `Bank of England`: the head word before `of` types the name; before `for`, only organisations
  // take one (Center for the National Interest).
  const forAt = wordsFolded.indexOf('for');
  if (forAt > 0 && FOR_HEADS.has(wordsFolded[forAt - 1]!)) return make('ORG', 2);
  const ofAt = wordsFolded.indexOf('of');
  const ofHead = ofAt > 0 ? wordsFolded[ofAt - 1]! : '';
  if (ofHead && lex.locHeads.has(ofHead)) return make('LOC', 2);
  if (ofHead && (lex.orgHeads.has(ofHead) || OF_HEADS.has(ofHead)) && !['republic', 'kingdom', 'states', 'emirates', 'city', 'isle', 'islands', 'province', 'state'].includes(ofHead)) return make('ORG', 2);
  if (n > 1 && lex.suffixes.has(lastWord)) return make('ORG', 3);
  if (n > 1 && lex.orgHeads.has(lastWord)) return make('ORG', 2);
  if (n > 1 && lex.locHeads.has(lastWord)) return make('LOC', 2);
  const after = text.slice(end, end + 16);
  const before = text.slice(Math.max(0, start - 16), start);
  const spoke = SPEECH.test(after) || SPEECH_BEFORE.test(before);
  if (n >= 2 && n <= 4 && lex.firstNames.has(firstWord) && !lex.known.has(firstWord)) return make('PER', 2);
  if (n >= 2 && n <= 3 && segment.slice(1).some((word) => PERSON_PATTERN.test(word.text))) return make('PER', 2);
  if (n >= 2 && n <= 3 && lex.lastNames.has(lastWord)) return make('PER', 1.5);
  if (n >= 2 && n <= 3 && spoke) return make('PER', 1);
  // A lone head word or title (Police, Navy, Street, Sheriff) is a common noun, not a name.
  if (n === 1 && (lex.orgHeads.has(firstWord) || lex.locHeads.has(firstWord) || lex.titles.has(firstWord))) return make('ORG', 0);
  // Places by context: `Wasilla, Alaska` (a known place after a comma), `in Bloomington`.
  const placeAfter = /^,\s*([\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?)/u.exec(text.slice(end, end + 30))?.[1];
  const placeAfterKnown = placeAfter ? lex.known.get(fold(placeAfter)) : undefined;
  if (placeAfterKnown?.type === 'LOC' && n <= 3 && !lex.firstNames.has(firstWord)) return make('LOC', 2);
  if (/\b(?:in|near|outside|across|throughout)\s+$/.test(before) && n <= 3 && !lex.firstNames.has(firstWord) && !isAcronym(surface)) return make('LOC', 1);
  // The plural of a place (`the two Koreas`, `the Carolinas`) names places too; it stays its own entity.
  const singularPlace = n === 1 && /\p{Ll}s$/u.test(surface) ? lex.known.get(folded.slice(0, -1)) : undefined;
  if (singularPlace?.type === 'LOC' && allowedForm(lex, surface.slice(0, -1))) return make('LOC', 2);
  if (n === 1 && isAcronym(surface)) return make('ORG', 1);
  if (n === 1 && lex.firstNames.has(firstWord) && !lex.common.has(firstWord)) return make('PER', 1);
  if (n === 1 && lex.common.has(firstWord)) return make('ORG', 0); // kept only if a longer name of the text ends with it
  return make('ORG', 0.5);
}

/** The acronym's letters, in order, start words of the long form (EADS: European Aeronautic Defence and Space Company). */
function acronymFits(acronym: string, long: string): boolean {
  const letters = fold(acronym).replace(/[^\p{L}]/gu, '');
  const heads = long.split(/[\s-]+/).map((word) => fold(word).charAt(0));
  let at = 0;
  for (const head of heads) if (at < letters.length && head === letters[at]) at++;
  return at === letters.length && heads[0] === letters[0];
}

/** `Royal Air Force (RAF)`: the acronym in brackets is an alias of the name before it. */
function linkParentheses(text: string, mentions: RawMention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const long = mentions[i]!;
    const short = mentions[i + 1]!;
    if (!isAcronym(short.text) || !/^\s*\(\s*$/.test(text.slice(long.end, short.start)) || !/^\s*\)/.test(text.slice(short.end, short.end + 3))) continue;
    if (!acronymFits(short.text, long.text)) continue; // DALLAS (AP): a dateline, not a definition
    short.longForm = long.text;
    short.type = long.type;
    short.evidence = Math.max(short.evidence, long.evidence);
  }
}

/**
 * One type per name within a text: a mention with weak evidence takes the type of a better-evidenced mention of the
 * same key, and a lone word that is the last word of a person's full name in the text is that person (`Jobs`).
 */
function harmoniseTypes(lex: Lexicon, mentions: RawMention[]): void {
  const best = new Map<string, RawMention>();
  const surnames = new Map<string, RawMention>();
  for (const mention of mentions) {
    const key = nameKey(mention.text);
    const current = best.get(key);
    if (!current || mention.evidence > current.evidence) best.set(key, mention);
    const parts = mention.text.split(/\s+/);
    if (parts.length > 1) {
      const lastKey = nameKey(parts[parts.length - 1]!);
      const firstKey = nameKey(parts[0]!);
      if (mention.type === 'PER' && mention.evidence >= 1.5) {
        if (!surnames.has(lastKey)) surnames.set(lastKey, mention);
        const unprefixed = nameKey(parts[parts.length - 1]!.replace(/^(?:al|el|ad|as|ash|an)-/i, ''));
        if (!surnames.has(unprefixed)) surnames.set(unprefixed, mention);
        if (!surnames.has(firstKey) && !lex.firstNames.has(firstKey)) surnames.set(firstKey, mention);
      }
    }
  }
  for (const mention of mentions) {
    const key = nameKey(mention.text);
    const single = !/\s/.test(mention.text);
    const person = single ? surnames.get(key) : undefined;
    if (person && mention.evidence < 3 && !isAcronym(mention.text)) {
      mention.type = 'PER';
      mention.evidence = Math.max(mention.evidence, 1.5);
      continue;
    }
    const strongest = best.get(key)!;
    if (strongest.evidence >= 2 && strongest.evidence > mention.evidence && mention.evidence < 2) {
      mention.type = strongest.type;
      mention.evidence = strongest.evidence;
    }
  }
}
