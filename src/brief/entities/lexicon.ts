// The word lists entity finding reads: our data/ files plus compromise's lexicon (names, places, organisations), loaded once.
import nlp from 'compromise';
import { dataLines } from '../../data-files.js';
import { fold, isAcronym, nameKey } from './names.js';
import type { EntityType } from './entities.js';

/** A name the lists know: its type and canonical form (the first entry of its data line, else itself). */
export interface KnownName {
  type: EntityType;
  canonical: string;
  /** Listed in our own data (trusted more than compromise's lexicon). */
  curated: boolean;
}

export interface Lexicon {
  /** By `fold`ed surface with single spaces (`north korea`, `u.s.`). */
  known: Map<string, KnownName>;
  /** By `nameKey` (`us`, `northkorea`): aliases from our data whose form is not case-sensitive. */
  knownByKey: Map<string, KnownName>;
  /** Short all-capital aliases that count only when written in capitals (`US`, `WHO`), by `nameKey`. */
  capitalsOnly: Set<string>;
  /** Demonyms and place adjectives (folded): never a mention. */
  demonyms: Set<string>;
  /** Person titles (folded, single-spaced), longest first when matched. */
  titles: Set<string>;
  titleMaxWords: number;
  /** Legal-form suffixes left out when names are compared (folded, no final period). */
  suffixes: Set<string>;
  /** Last words that make a name an organisation / a place (folded). */
  orgHeads: Set<string>;
  locHeads: Set<string>;
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Words of the general vocabulary (verbs, adjectives, common nouns, function words): a capitalised one at a sentence start is not a name. */
  common: Set<string>;
  /** Function words and verb forms (a subset of `common`): never the first word of a name at a sentence start. */
  functional: Set<string>;
  /** Our English stopwords (folded): never the first word of a name. */
  stopwords: Set<string>;
  /** Months, weekdays, holidays, currency and time-zone codes (folded, single-spaced): capitalised but never names. */
  calendar: Set<string>;
  /** Last words of event names (Conference, Show): such a name is no entity. */
  eventHeads: Set<string>;
  /** Last words of a body's sittings (Congress, Plenum): after an ordinal (the 8th Congress) the name is an event. */
  sessionHeads: Set<string>;
  /** Words that before a person's name mean that person's camp (Team Biden): cut off, the rest is the person. */
  campWords: Set<string>;
  /** Words left off the end of a name (Flight). */
  tails: Set<string>;
  /** Lower-case words right before a name that make it an organisation (maker, airline). */
  orgDescriptors: Set<string>;
  /** Longest known multi-word entry, in words. */
  knownMaxWords: number;
}

const COMPROMISE_TYPES: Record<string, EntityType> = {
  Country: 'LOC',
  City: 'LOC',
  Region: 'LOC',
  Place: 'LOC',
  Organization: 'ORG',
  SportsTeam: 'ORG',
  Person: 'PER',
};

const COMMON_TAGS = new Set([
  'PhrasalVerb', 'Gerund', 'PastTense', 'PresentTense', 'Plural', 'Infinitive', 'Adjective', 'Singular', 'Actor',
  'Comparative', 'Superlative', 'Uncountable', 'Participle', 'Noun', 'Expression', 'Adverb', 'TextValue',
  'Preposition', 'Conjunction', 'Cardinal', 'Ordinal', 'Determiner', 'Pronoun', 'Modal', 'Reflexive',
  'Possessive', 'QuestionWord', 'Verb', 'Copula', 'Negative', 'Condition', 'Imperative', 'Unit', 'Duration',
]);

const FUNCTIONAL_TAGS = new Set([
  'PhrasalVerb', 'Gerund', 'PastTense', 'PresentTense', 'Infinitive', 'Participle', 'Verb', 'Copula', 'Modal',
  'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Reflexive', 'Possessive', 'QuestionWord',
  'Negative', 'Condition', 'Imperative', 'Expression', 'Date', 'Cardinal', 'Ordinal', 'TextValue',
]);

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Country', 'City', 'Region', 'Place', 'Organization', 'ProperNoun']);

const spaced = (text: string) => fold(text).replace(/\s+/g, ' ').trim();
const words = (text: string) => text.trim().split(/\s+/).length;

let cached: Lexicon | undefined;

/** The lexicon, built on first use (about 20 ms, most of it compromise's import). */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const lex: Lexicon = {
    known: new Map(),
    knownByKey: new Map(),
    capitalsOnly: new Set(),
    demonyms: new Set(),
    titles: new Set(),
    titleMaxWords: 1,
    suffixes: new Set(),
    orgHeads: new Set(),
    locHeads: new Set(),
    firstNames: new Set(),
    lastNames: new Set(),
    common: new Set(),
    functional: new Set(),
    stopwords: new Set(),
    calendar: new Set(),
    eventHeads: new Set(),
    sessionHeads: new Set(),
    campWords: new Set(),
    tails: new Set(),
    orgDescriptors: new Set(),
    knownMaxWords: 1,
  };
  const addKnown = (surface: string, known: KnownName) => {
    const folded = spaced(surface);
    if (!folded) return;
    const existing = lex.known.get(folded);
    if (!existing || (known.curated && !existing.curated)) lex.known.set(folded, known);
    lex.knownMaxWords = Math.max(lex.knownMaxWords, words(surface));
    if (known.curated) {
      const key = nameKey(surface);
      if (isAcronym(surface) && surface.replace(/\./g, '').length <= 3) lex.capitalsOnly.add(key);
      if (!lex.knownByKey.has(key)) lex.knownByKey.set(key, known);
    }
  };

  // compromise first, so that our curated lists override it.
  const model = nlp.model() as unknown as {
    one: { lexicon: Record<string, string | string[]> };
    two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
  };
  for (const [word, value] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    let type: EntityType | undefined;
    for (const tag of tags) type ??= COMPROMISE_TYPES[tag];
    if (type) addKnown(word, { type, canonical: word, curated: false });
    if (tags.includes('Demonym')) lex.demonyms.add(fold(word));
    if (tags.some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName')) lex.firstNames.add(fold(word));
    if (tags.includes('LastName')) lex.lastNames.add(fold(word));
    if (tags.includes('Honorific') && !word.includes(' ')) lex.titles.add(fold(word));
    if (tags.includes('Month') || tags.includes('WeekDay')) lex.calendar.add(fold(word));
    if (!word.includes(' ') && tags.some((tag) => COMMON_TAGS.has(tag) || FUNCTIONAL_TAGS.has(tag)) && !tags.some((tag) => NAME_TAGS.has(tag))) {
      lex.common.add(fold(word));
      if (tags.some((tag) => FUNCTIONAL_TAGS.has(tag))) lex.functional.add(fold(word));
    }
  }
  for (const word of Object.keys(model.two.orgWords)) lex.orgHeads.add(fold(word));
  for (const word of Object.keys(model.two.placeWords)) lex.locHeads.add(fold(word));
  for (const line of dataLines('stopwords-en.txt')) {
    for (const word of line.split(/\s+/)) {
      lex.common.add(fold(word));
      lex.functional.add(fold(word));
      lex.stopwords.add(fold(word));
    }
  }
  for (const line of dataLines('entity-not-names.txt')) lex.calendar.add(spaced(line));

  const curatedList = (file: string, type: EntityType) => {
    for (const line of dataLines(file)) {
      const forms = line.split('|').map((form) => form.trim()).filter(Boolean);
      const canonical = forms[0];
      if (!canonical) continue;
      for (const form of forms) addKnown(form, { type, canonical, curated: true });
    }
  };
  curatedList('entity-places.txt', 'LOC');
  curatedList('entity-organisations.txt', 'ORG');
  curatedList('agencies.txt', 'ORG');
  for (const line of dataLines('entity-demonyms.txt')) lex.demonyms.add(spaced(line.split('|')[0]!));
  for (const line of dataLines('entity-titles.txt')) {
    lex.titles.add(spaced(line));
    lex.titleMaxWords = Math.max(lex.titleMaxWords, words(line));
  }
  for (const line of dataLines('entity-org-words.txt')) {
    const [kind, word] = line.split(/\s+/);
    if (!word) continue;
    const folded = fold(word);
    if (kind === 'SUFFIX') lex.suffixes.add(folded.replace(/\.$/, ''));
    else if (kind === 'ORG') lex.orgHeads.add(folded);
    else if (kind === 'LOC') lex.locHeads.add(folded);
    else if (kind === 'EVENT') lex.eventHeads.add(folded);
    else if (kind === 'TAIL') lex.tails.add(folded);
    else if (kind === 'SESSION') lex.sessionHeads.add(folded);
    else if (kind === 'CAMP') lex.campWords.add(folded);
    else if (kind === 'DESCRIPTOR') lex.orgDescriptors.add(folded);
  }
  cached = lex;
  return lex;
}
