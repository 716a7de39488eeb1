// The word lists the conflict finder reads (data/conflict-words.txt, stop words, words that are never names), loaded once.
import { dataLines } from '../../data-files.js';

export interface ConflictLexicon {
  /** Count word -> value ("seven" -> 7). */
  numbers: Map<string, number>;
  /** Multiplier word -> factor ("million" -> 1e6). */
  scales: Map<string, number>;
  /** Approximation markers, as lower-case word sequences ("more than"). */
  approx: string[][];
  ageWords: Set<string>;
  reportWords: Set<string>;
  metaWords: Set<string>;
  ordinals: Set<string>;
  stopwords: Set<string>;
  /** Capitalised words that are never a name on their own (months, weekdays, holidays …). */
  notNames: Set<string>;
  /** Person titles left out of a name ("Governor Mehdi Irannejad" -> "Mehdi Irannejad"). */
  titles: Set<string>;
  /** Head words of place and organisation names (street, county, ministry): sharing one does not make two names one. */
  nameHeads: Set<string>;
  /** The place ones among them: a name ending in one is a place. */
  placeHeads: Set<string>;
  orgHeads: Set<string>;
  /** Known places and organisations, lower case, every alias. */
  places: Set<string>;
  organisations: Set<string>;
}

const PLACE_HEADS = ['street', 'road', 'avenue', 'square', 'county', 'province', 'region', 'island', 'river', 'valley', 'airport', 'city', 'town', 'village', 'lane', 'boulevard', 'district'];

let cached: ConflictLexicon | undefined;

const aliases = (file: string): Set<string> =>
  new Set(dataLines(file).flatMap((line) => line.split('|')).map((name) => name.trim().toLowerCase()).filter(Boolean));

const orgWords = (kind: 'ORG' | 'LOC'): string[] =>
  dataLines('entity-org-words.txt').filter((line) => line.startsWith(`${kind} `)).map((line) => line.slice(4).trim().toLowerCase());

export function conflictLexicon(): ConflictLexicon {
  if (cached) return cached;
  const lexicon: ConflictLexicon = {
    numbers: new Map(),
    scales: new Map(),
    approx: [],
    ageWords: new Set(),
    reportWords: new Set(),
    metaWords: new Set(),
    ordinals: new Set(),
    stopwords: new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))),
    notNames: new Set(dataLines('entity-not-names.txt').map((line) => line.toLowerCase().replace(/\.$/, ''))),
    titles: new Set(dataLines('person-titles.txt').flatMap((line) => line.split(/\s+/))),
    nameHeads: new Set([...PLACE_HEADS, ...orgWords('ORG'), ...orgWords('LOC')]),
    placeHeads: new Set([...PLACE_HEADS, ...orgWords('LOC')]),
    orgHeads: new Set(orgWords('ORG')),
    places: aliases('entity-places.txt'),
    organisations: new Set([...aliases('entity-organisations.txt'), ...aliases('agencies.txt')]),
  };
  for (const line of dataLines('conflict-words.txt')) {
    const [kind, ...rest] = line.split(/\s+/);
    switch (kind) {
      case 'NUMBER': lexicon.numbers.set(rest[0]!, Number(rest[1])); break;
      case 'SCALE': lexicon.scales.set(rest[0]!, Number(rest[1])); break;
      case 'APPROX': lexicon.approx.push(rest); break;
      case 'AGE': lexicon.ageWords.add(rest[0]!); break;
      case 'REPORT': lexicon.reportWords.add(rest[0]!); break;
      case 'META': lexicon.metaWords.add(rest[0]!); break;
      case 'ORDINAL': lexicon.ordinals.add(rest[0]!); break;
      default: throw new Error(`data/conflict-words.txt: expecting NUMBER, SCALE, APPROX, AGE, REPORT, META or ORDINAL, instead found "${kind}"`);
    }
  }
  // Longest phrases first, so that "more than" wins over a one-word marker at the same place.
  lexicon.approx.sort((a, b) => b.length - a.length);
  return (cached = lexicon);
}
