// Story signals of one article: stemmed content words, title words, capitalised names, numbers and dates, as prefixed term counts.
import { stemmer } from 'stemmer';
import type { Article } from '../article.js';
import { dataLines } from '../data-files.js';
import { bodyTokens } from '../text/article-tokens.js';
import { tokenize, type Token } from '../text/tokens.js';

declare module '../article.js' {
  interface ArticleData {
    /** The article's story terms (features.ts), made once: on a worker thread at ingest, or on first use. */
    storyTerms?: Map<string, number>;
  }
}

/**
 * The views an article is compared in. Each term is stored as `<view>:<term>`, so one term map (and one
 * document-frequency table, one centroid) holds them all, and each view is weighed on its own.
 */
export const VIEWS = ['w', 't', 'n', 'd'] as const;
export type View = (typeof VIEWS)[number];
/** w: content words (stemmed) of title and lead; t: title words (stemmed); n: capitalised names; d: numbers and dates. */
export const VIEW_NAMES: Record<View, string> = { w: 'content words', t: 'title words', n: 'names', d: 'numbers and dates' };

/** Body words beyond this many are ignored: the lead carries the story, the rest adds noise and cost. */
const BODY_TOKENS = 400;
const TITLE_TOKENS = 60;

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

let stopwords: Set<string> | undefined;
const stop = (): Set<string> => (stopwords ??= new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))));

const stems = new Map<string, string>();
/** Porter stem of a lower-case word (memoised: the same words recur in every article). */
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size > 200_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

const DIGIT = /\d/;
const UPPER = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** True when the token opens a sentence or line (its capital says nothing about it being a name). */
function opensSentence(text: string, token: Token): boolean {
  for (let i = token.start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '‘' || c === "'" || c === '(' || c === '[') continue;
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === ':' || c === '—' || c === '-' || c === '|';
  }
  return true;
}

/** A headline in Title Case capitalises common words too; its capitals are not evidence of names. */
function isTitleCase(text: string, tokens: readonly Token[]): boolean {
  let words = 0;
  let capital = 0;
  for (const token of tokens) {
    if (token.end - token.start < 4 || DIGIT.test(token.norm)) continue;
    words++;
    if (UPPER.test(text[token.start]!)) capital++;
  }
  return words >= 3 && capital / words > 0.7;
}

function addTerms(counts: Map<string, number>, text: string, limit: number, titleView: boolean, made?: readonly Token[]): void {
  const tokens = (made ?? tokenize(text)).slice(0, limit);
  addNumbers(counts, text, tokens.length ? tokens[tokens.length - 1]!.end : 0);
  const namesAllowed = !titleView || !isTitleCase(text, tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A possessive is the name or word it is on ("Reid's" is Reid).
    const term = token.norm.endsWith("'s") ? token.norm.slice(0, -2) : token.norm;
    // Numbers come from numberTerms (whole figures, not the tokenizer's pieces of "1,250" or "COVID-19").
    if (DIGIT.test(term)) continue;
    if (MONTHS.has(term) && i + 1 < tokens.length && /^\d{1,2}$/.test(tokens[i + 1]!.norm)) {
      bump(counts, `d:${term.slice(0, 3)}-${tokens[i + 1]!.norm}`);
      continue;
    }
    if (term.length < 2 || stop().has(term)) continue;
    const s = stem(term);
    bump(counts, `w:${s}`);
    if (titleView) bump(counts, `t:${s}`);
    const surface = text.slice(token.start, token.end);
    if (namesAllowed && UPPER.test(surface) && !MONTHS.has(term)) {
      // All capitals (AP, NATO) or a capital not at a sentence start: a name of a person, organisation or place.
      const acronym = !LOWER.test(surface);
      if ((acronym && surface.length <= 6) || (!acronym && !opensSentence(text, token))) bump(counts, `n:${term}`);
    }
  }
}

/**
 * A figure as written: digits with inner separators ("1,250", "3.5", "24/7"), not glued to a word
 * ("COVID-19", "G20", "F-16" are names) and not the day after a month name (that is a date term).
 */
const NUMBER = /(?<![\p{L}\p{N}_-])\d+(?:[.,:/]\d+)*(?![\p{L}\p{N}_]|-\p{L})/gu;
const MONTH_BEFORE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$/i;

/** Number terms of the text's first `end` characters: figures pin an event (a toll, a score, a year). */
function addNumbers(counts: Map<string, number>, text: string, end: number): void {
  const span = text.slice(0, end);
  for (const match of span.matchAll(NUMBER)) {
    const figure = match[0].replace(/,(?=\d{3}\b)/g, '');
    // One digit alone is too common to say anything.
    if (figure.length < 2) continue;
    if (MONTH_BEFORE.test(span.slice(Math.max(0, match.index - 12), match.index))) continue;
    bump(counts, `d:${figure}`);
  }
}

const bump = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/**
 * The words of a URL's slug: path segments of three or more words joined by hyphens or underscores
 * (`/2014/03/10/ebay-asks-shareholders-to-vote/`), which outlets write as a second headline.
 */
export function slugWords(url: string | undefined): string {
  if (!url) return '';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  return path
    .split('/')
    .map((segment) => segment.replace(/\.[a-z]{2,5}$/i, ''))
    .filter((segment) => segment.split(/[-_]+/).filter((part) => /^[a-z]{2,}$/i.test(part)).length >= 3)
    .map((segment) => segment.split(/[-_]+/).filter((part) => !/\d/.test(part)).join(' ').toLowerCase())
    .join(' . ');
}

/**
 * Prefixed term counts of a title, text and URL, the input of every story comparison; `place`, the place
 * of the article's dateline ("NAIROBI, Kenya"), counts as names: a dateline is written in capitals at the
 * start of the text, where the name rule cannot see it.
 */
export function storyTerms(title: string | undefined, text: string, url?: string, place?: string, textTokens?: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (place) {
    for (const word of place.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 2 && !stop().has(word)) bump(counts, `n:${word}`);
  }
  if (title) addTerms(counts, title, TITLE_TOKENS, true);
  // Slug words are lower case: content and title words, never names.
  const slug = slugWords(url);
  if (slug) addTerms(counts, slug, TITLE_TOKENS, true);
  addTerms(counts, text, BODY_TOKENS, false, textTokens);
  return counts;
}

/** Story terms of an article: title, text (its shared body tokens), URL and the dateline's place (from describe); made once and kept on the article. */
export const articleStoryTerms = (article: Article): Map<string, number> =>
  (article.data.storyTerms ??= storyTerms(article.title, article.text, article.url, article.data.dateline?.place, bodyTokens(article)));

/** The place of a dateline as stored (its text: "SEOUL (Yonhap) --"): the words before the agency or dash. */
export function datelinePlace(dateline: string | undefined): string | undefined {
  const place = dateline?.replace(/\s*\([^)]*\).*$/s, '').replace(/[\s\-—–_:]+$/, '').trim();
  return place || undefined;
}

/** The view of a prefixed term. */
export const viewOf = (key: string): View => key[0] as View;
