// Agencies an article credits ("tg/rs (AP, Reuters)", "(KCNA-Yonhap)") and sources it cites ("KCNA said").
import { dataLines } from '../data-files.js';

interface Agency {
  name: string;
  /** Source of one pattern matching any alias; short all-capital aliases (AP, PA) only in capitals. */
  source: string;
  /** The aliases themselves (every match of `source` contains one of them, case kept). */
  aliases: string[];
  test(text: string): boolean;
}

let agencies: Agency[] | undefined;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function agencyList(): Agency[] {
  agencies ??= dataLines('agencies.txt').map((line) => {
    const names = line.split('|').map((n) => n.trim());
    // Short all-capital names (AP, PA) must match case-sensitively, longer ones in any case.
    const exact = names.filter((n) => n.length <= 4 && n === n.toUpperCase());
    const loose = names.filter((n) => !exact.includes(n));
    const wrap = (alternatives: string[]): string => `(?<![\\w])(?:${alternatives.join('|')})(?![\\w])`;
    const exactPattern = exact.length ? new RegExp(wrap(exact.map(escape))) : undefined;
    const loosePattern = loose.length ? new RegExp(wrap(loose.map(escape)), 'i') : undefined;
    return {
      name: names[0]!,
      source: [...exact, ...loose].map(escape).join('|'),
      aliases: [...exact, ...loose],
      test: (text: string) => (exactPattern?.test(text) ?? false) || (loosePattern?.test(text) ?? false),
    };
  });
  return agencies;
}

/** Agency names found in a short string (a credit line or a parenthesis). */
export function agenciesIn(text: string): string[] {
  const found: string[] = [];
  for (const agency of agencyList()) {
    if (agency.test(text) && !found.includes(agency.name)) found.push(agency.name);
  }
  return found;
}

/** Credit parentheses: "(AP, Reuters)", "(KCNA-Yonhap)", "(AP) —", "tg/rs (AP, Reuters)". */
const CREDIT = /\(((?:[A-Z][\w.&]*(?:[-–,/ ]+(?:and )?)?){1,6})\)/g;

/** Agencies credited anywhere in the text by a credit parenthesis, in order of first appearance. */
export function findCredits(text: string): string[] {
  const credits: string[] = [];
  for (const match of text.matchAll(CREDIT)) {
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 20);
    // "the Korean Central News Agency (KCNA) reported": an abbreviation, not a credit.
    if (/^\s*(?:said|says|reported|reports|has|had|is|was|added|quoted)\b/.test(after)) continue;
    for (const name of agenciesIn(match[1]!)) {
      if (agencyList().find((a) => a.name === name)?.test(before.slice(-40))) continue;
      if (!credits.includes(name)) credits.push(name);
    }
  }
  return credits;
}

const CITE_VERBS = 'said|says|reported|reports|quoted|cited|announced|added|stated|wrote';

let citePatterns: { name: string; aliases: string[]; pattern: RegExp }[] | undefined;

/** One pattern per agency, compiled once (building them per article cost more than matching them). */
function citePatternList(): { name: string; aliases: string[]; pattern: RegExp }[] {
  return (citePatterns ??= agencyList().map((agency) => {
    const name = agency.source;
    // Case-sensitive: "ap said" in lower case is not the agency.
    const pattern = new RegExp(`(?<![\\w-])(?:${name})(?:\\s+news agency)?(?:\\s+\\([A-Z]{2,6}\\))?\\s+(?:${CITE_VERBS})\\b|[Aa]ccording to (?:[Tt]he )?(?:${name})(?![\\w])|(?:${CITE_VERBS}) (?:the )?(?:${name})(?![\\w])`);
    return { name: agency.name, aliases: agency.aliases, pattern };
  }));
}

/** Agencies the text cites as sources ("KCNA said", "according to Yonhap", "the Korean Central News Agency said"). */
export function findCitedSources(text: string): string[] {
  const cited: string[] = [];
  for (const { name, aliases, pattern } of citePatternList()) {
    // The pattern holds an alias as written: a text without any skips the regular expression.
    if (!aliases.some((alias) => text.includes(alias))) continue;
    if (pattern.test(text) && !cited.includes(name)) cited.push(name);
  }
  return cited;
}
