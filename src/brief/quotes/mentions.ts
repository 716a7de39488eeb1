// Speaker mentions around a cue (the noun phrase before or after it) and their resolution to a person's name.
import type { EntityMention } from '../entities/entities.js';
import { memoisedInRun } from '../../text/turn-memo.js';
import { quoteLexicon } from './lexicon.js';
import type { Word } from './words.js';

/** A token range [first, last) into the document's tokens. */
export interface Range {
  first: number;
  last: number;
}

// Closed-class English grammar, not vocabulary: these decide where a subject noun phrase starts and stops.
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'which', 'that']);
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'who']);
const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'some', 'many', 'most', 'several', 'both', 'all', 'his', 'her', 'their',
  'its', 'our', 'my', 'your', 'each', 'every', 'another', 'other', 'few', 'no', 'any', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'millions', 'such',
]);
/** Words that stand between a subject and its verb: auxiliaries, negation, common adverbs. */
const BETWEEN = new Set([
  'has', 'have', 'had', 'also', 'later', 'then', 'previously', 'recently', 'repeatedly', 'often', 'once', 'still',
  'already', 'again', 'never', 'not', "n't", 'would', 'will', 'could', 'may', 'might', 'must', 'should', 'can',
  'did', 'does', 'do', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'always', 'even', 'just', 'only', 'first',
  'now', 'long', 'has', "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", 'reportedly',
  'allegedly', 'apparently', 'clearly', 'probably', 'likely', 'further', 'too', 'both', 'all', 'seemingly',
]);
/** Words that begin a clause: a subject phrase never reaches back across them. */
const CLAUSE = new Set([
  'that', 'and', 'but', 'or', 'because', 'if', 'when', 'while', 'as', 'than', 'since', 'although', 'though', 'after',
  'before', 'so', 'where', 'whether', 'until', 'unless', 'whom', 'whose', 'what', 'how', 'why', 'said', 'says', 'told',
  'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'about', 'into', 'over', 'is', 'was', 'are', 'were', 'has',
  'have', 'had', 'not', 'also', 'be',
]);
/** Heads of quantity subjects ("59 percent said", "half said", "the majority said"). */
const QUANTITY_HEADS = new Set(['percent', 'percentage', 'half', 'third', 'thirds', 'quarter', 'majority', 'minority', 'plurality', 'most', 'many', 'some', 'few', 'others', 'none', 'all', 'both', 'rest']);
/** Lower-case words inside names: Bank of America, Osama bin Laden, Charles de Gaulle. */
const NAME_JOINERS = new Set(['of', 'de', 'da', 'del', 'di', 'bin', 'al', 'van', 'von', 'la', 'le', 'du', 'der', 'ibn', 'el']);
/** Capitalised words at a sentence start that are not names. */
const NOT_NAMES = new Set(['but', 'and', 'meanwhile', 'however', 'then', 'now', 'still', 'yet', 'so', 'also', 'later', 'earlier', 'in', 'on', 'at', 'after', 'before', 'when', 'while', 'as', 'if', 'asked', 'speaking', 'today', 'yesterday', 'last', 'this', 'for', 'of', 'with', 'by', 'from', 'instead', 'indeed', 'finally', 'separately', 'similarly', 'likewise', 'moreover', 'still', 'since', 'despite', 'although', 'though', 'because',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'i', 'we', 'he', 'she', 'they', 'it', 'you']);

const isWord = (w: Word | undefined): boolean => w !== undefined && w.word && w.quote === -1;
const isName = (w: Word | undefined): boolean => w !== undefined && isWord(w) && w.capital && !NOT_NAMES.has(w.lower) && !DETERMINERS.has(w.lower);
const skippable = (w: Word): boolean => isWord(w) && (BETWEEN.has(w.lower) || (/ly$/.test(w.lower) && !w.capital && w.lower.length > 4));

/** Start of the run of capitalised words (with name joiners and titles) that ends at index j. */
function nameRunStart(words: Word[], j: number, lo: number): number {
  let k = j;
  while (k - 1 >= lo) {
    const prev = words[k - 1]!;
    if (isName(prev)) k--;
    else if (isWord(prev) && NAME_JOINERS.has(prev.lower) && isName(words[k - 2]) && k - 2 >= lo) k -= 2;
    else break;
  }
  // "the Korean Central News Agency", "the White House": the article belongs to the phrase.
  if (k - 1 >= lo && isWord(words[k - 1]) && words[k - 1]!.lower === 'the') k--;
  return k;
}

/** The subject noun phrase that ends right before `cue` (skipping auxiliaries and adverbs), or null. */
export function subjectBefore(words: Word[], cue: number, lo: number): Range | null {
  let j = cue - 1;
  while (j >= lo && skippable(words[j]!)) j--;
  if (j < lo) return null;
  let w = words[j]!;
  // "Gov. John Kasich (R-OH), said": the comma after a parenthesis is not an apposition's.
  if (w.text === ',' && w.quote === -1 && j - 1 >= lo && words[j - 1]!.text === ')' && words[j - 1]!.quote === -1) {
    j--;
    w = words[j]!;
  }
  if (w.text === ')' && w.quote === -1) {
    let k = j - 1;
    while (k >= lo && k > j - 40 && words[k]!.text !== '(') k--;
    if (k < lo || words[k]!.text !== '(') return null;
    j = k - 1;
    if (j < lo) return null;
    w = words[j]!;
  }
  if ((w.text === ',' || w.text === '—' || w.text === '–') && w.quote === -1) {
    // Apposition: "Luis Osuna, the president of the lawyers association, said".
    for (let k = j - 1; k >= lo && k > j - 30; k--) {
      const t = words[k]!;
      if (t.quote !== -1 || t.text === '.' || t.text === ';' || t.text === ':') break;
      if (t.text === w.text && isName(words[k - 1]) && k - 1 >= lo) return { first: nameRunStart(words, k - 1, lo), last: j };
      if (t.text === w.text) {
        // "the White House spokesman, Josh Earnest, said": a description, then the name set off by commas.
        const nameStart = nameRunStart(words, j - 1, k + 1);
        if (nameStart !== k + 1 || !isName(words[j - 1])) break;
        for (let d = k - 1; d >= lo && d > k - 8; d--) {
          const u = words[d]!;
          if (!isWord(u)) break;
          if (DETERMINERS.has(u.lower)) return { first: d, last: j };
        }
        break;
      }
    }
    return null;
  }
  if (!isWord(w)) return null;
  if (PRONOUNS.has(w.lower)) return { first: j, last: j + 1 };
  if (isName(w)) return { first: nameRunStart(words, j, lo), last: j + 1 };
  // A common noun phrase: back to its determiner ("a State Department official"), else a few words ("officials").
  // A run without determiner counts when its head is a plural or a quantity ("47 percent", "a third" has one) or it
  // names whose it is ("Cameron's spokesman", "political experts").
  const headOk = /s$/.test(w.lower) || QUANTITY_HEADS.has(w.lower) || /^\p{N}/u.test(w.text);
  let k = j;
  for (; k >= lo && k > j - 8; k--) {
    const t = words[k]!;
    if (!isWord(t) && !(t.text === '-' || t.text === '’s' || t.text === "'s")) break;
    if (isWord(t) && DETERMINERS.has(t.lower)) return { first: k, last: j + 1 };
    if (isWord(t) && CLAUSE.has(t.lower)) return k === j ? null : { first: k + 1, last: j + 1 };
  }
  if (k < j - 7) return headOk ? { first: j, last: j + 1 } : null;
  const run = { first: k + 1, last: j + 1 };
  let possessive = false;
  for (let i = run.first; i < run.last; i++) if (/['’]s$/.test(words[i]!.lower)) possessive = true;
  return headOk || possessive ? run : null;
}

/** The noun phrase right after index `at` up to the next punctuation ("said Daniel Benjamin, who …"), or null. */
export function phraseAfter(words: Word[], at: number, hi: number, max = 14): Range | null {
  let k = at;
  while (k < hi && k < at + max && isWord(words[k]) && !(k > at && CLAUSE.has(words[k]!.lower) && words[k]!.lower !== 'of')) k++;
  return k > at ? { first: at, last: k } : null;
}

/** Whether the mention is a medium: an agency or outlet name, or a phrase headed by media, agency, newspaper … */
export const isMedium: (text: string) => boolean = memoisedInRun(isMediumOf);

function isMediumOf(text: string): boolean {
  const lex = quoteLexicon();
  const trimmed = text.trim().replace(/^(?:the|a|an)\s+/i, '');
  for (const medium of lex.media) {
    if (medium.exact ? trimmed === medium.alias || trimmed.endsWith(` ${medium.alias}`) : trimmed.toLowerCase() === medium.alias.toLowerCase()) return true;
  }
  const last = /([\p{L}]+)\W*$/u.exec(trimmed)?.[1];
  return last !== undefined && lex.mediaHeads.has(last) || (last !== undefined && lex.mediaHeads.has(last.toLowerCase()) && last === last.toLowerCase());
}

/** Canonical medium name: the agency's first name in agencies.txt when an alias matches, else the mention. */
export const mediumName: (text: string) => string = memoisedInRun(mediumNameOf);

function mediumNameOf(text: string): string {
  const lex = quoteLexicon();
  for (const medium of lex.media) {
    const pattern = medium.exact ? new RegExp(`(?<!\\w)${medium.alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`) : undefined;
    if (pattern ? pattern.test(text) : text.toLowerCase().includes(medium.alias.toLowerCase())) return medium.name;
  }
  return text.replace(/^(?:the|a|an)\s+/i, '');
}

/**
 * A name without titles and possessive ending: the last run of capitalised words before any apposition
 * ("Democratic candidate Hillary Clinton" -> Hillary Clinton, "Yang Moo-jin, a professor at …" -> Yang Moo-jin);
 * null when the mention starts in lower case (a description) or holds no name.
 */
export const bareName: (mention: string) => string | null = memoisedInRun(bareNameOf);

function bareNameOf(mention: string): string | null {
  const lex = quoteLexicon();
  const head = mention.split(/[,(—–]/)[0]!.replace(/['’]s\b/gu, '');
  const tokens = head.split(/\s+/).filter(Boolean);
  if (!tokens.length || !/^\p{Lu}/u.test(tokens[0]!)) return null;
  const capital = (t: string) => {
    const lower = t.toLowerCase().replace(/\.$/, '');
    return /^\p{Lu}/u.test(t) && !lex.titles.has(lower) && !lex.titles.has(lower.replace(/-elect$/, '')) && !NOT_NAMES.has(lower) && !DETERMINERS.has(lower);
  };
  let end = tokens.length;
  while (end > 0 && !capital(tokens[end - 1]!)) end--;
  let start = end;
  while (start > 0 && (capital(tokens[start - 1]!) || (NAME_JOINERS.has(tokens[start - 1]!) && start - 2 >= 0 && capital(tokens[start - 2]!)))) start--;
  const name = tokens.slice(start, end).join(' ').replace(/[^\p{L}\p{N}.]+$/u, '');
  return name || null;
}

const PERSON_OR_GROUP: ReadonlySet<string> = new Set(['PER', 'ORG']);

interface PersonMention {
  start: number;
  name: string;
}

/** Index of the first item whose start is >= offset. */
function lowerBound(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Insert keeping the list sorted by start (after equal starts); appends in O(1) when called in text order. */
function insertSorted(list: PersonMention[], item: PersonMention): void {
  if (!list.length || list[list.length - 1]!.start <= item.start) list.push(item);
  else list.splice(lowerBound(list, item.start + 1), 0, item);
}

/**
 * Resolves speaker mentions to names over one document: a surname to the fuller name met before it
 * ("Yang" -> "Yang Moo-jin"), a personal pronoun or a definite description to the last person named before it.
 */
export class NameResolver {
  /** People met, by offset; and the people of several words by each of their words. */
  private persons: PersonMention[] = [];
  private byWord = new Map<string, PersonMention[]>();

  /** Entity mentions by start offset, to name a speaker mention that holds one. */
  private entities: EntityMention[];

  /**
   * `mentions` are the text's entity mentions (findEntities): people give the names pronouns and descriptions resolve
   * to, under their canonical name ("Obama" met first still resolves to "Barack Obama" named later).
   */
  constructor(mentions: readonly EntityMention[]) {
    this.entities = mentions.filter((m) => m.end > m.start).slice().sort((a, b) => a.start - b.start);
    for (const m of this.entities) if (m.type === 'PER' && m.name) this.add(m.start, m.name);
  }

  /** The canonical name of the first person or organisation mention inside [start, end), or null. */
  entityIn(start: number, end: number, types: ReadonlySet<string> = PERSON_OR_GROUP): EntityMention | null {
    const list = this.entities;
    for (let i = lowerBound(list, start); i < list.length && list[i]!.start < end; i++) if (list[i]!.end <= end && types.has(list[i]!.type)) return list[i]!;
    return null;
  }

  /** Record a named speaker mention (persons are also who speaks). */
  add(start: number, name: string): void {
    insertSorted(this.persons, { start, name });
    if (name.includes(' ')) for (const word of new Set(name.split(' '))) insertSorted(this.byWord.get(word) ?? this.byWord.set(word, []).get(word)!, { start, name });
  }

  private list(): PersonMention[] {
    return this.persons;
  }

  /**
   * The fullest name that holds this one's words ("Kim" -> "Kim Jong Un"): the last such name before `before`, else
   * the first after it ("Kim …, Kim Jong Un said"); the name itself otherwise. Indexed by word, so a long text of
   * many people costs a binary search per call, not a scan.
   */
  full(name: string, before: number): string {
    if (name.includes(' ')) return name;
    const list = this.byWord.get(name);
    if (!list) return name;
    const at = lowerBound(list, before);
    return (at > 0 ? list[at - 1]! : list[0]!).name;
  }

  /** The last person named before `offset`, as a full name. */
  lastPerson(offset: number): string | null {
    const list = this.list();
    const lo = lowerBound(list, offset);
    return lo > 0 ? this.full(list[lo - 1]!.name, list[lo - 1]!.start + 1) : null;
  }

  /** The name a speaker mention stands for, or null (they, we, a crowd). */
  resolve(mention: string, start: number): string | null {
    const lower = mention.toLowerCase();
    if (PERSONAL.has(lower)) return this.lastPerson(start);
    if (isMedium(mention)) return mediumName(mention);
    const name = bareName(mention);
    if (name) return this.full(name, start);
    if (/^(?:the|this|that)\s/.test(lower) && !/s$/.test(lower)) return this.lastPerson(start);
    return null;
  }
}

export { DETERMINERS, PRONOUNS, isName, isWord };
