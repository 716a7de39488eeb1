// Story terms of an article: content words of title and body with counts, the input of TF-IDF vectors.
import type { Article } from '../article.js';
import { dataLines } from '../data-files.js';
import { tokenize } from './tokens.js';

let stopwords: Set<string> | undefined;

/** The English stop words of `data/stopwords-en.txt`, loaded once. */
export const stopWords = (): Set<string> => (stopwords ??= new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))));

/** Title words count this many times more than body words: a headline names the story. */
const TITLE_WEIGHT = 3;
/** Body words beyond this many are ignored: the lead carries the story, the rest adds noise and cost. */
const BODY_TOKENS = 400;

/** Term -> count for one article (lower case, no stop words, no pure numbers shorter than 4 digits). */
export function termCounts(title: string | undefined, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (source: string, weight: number, limit: number): void => {
    let seen = 0;
    for (const token of tokenize(source)) {
      if (seen++ >= limit) break;
      const term = token.norm;
      if (term.length < 2 || stopWords().has(term) || (/^\d+$/.test(term) && term.length < 4)) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  };
  if (title) add(title, TITLE_WEIGHT, 60);
  add(text, 1, BODY_TOKENS);
  return counts;
}

export const articleTerms = (article: Article): Map<string, number> => termCounts(article.title, article.text);
