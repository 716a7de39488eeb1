// Term counts of a title and text: content words with counts (the summary's TF-IDF input).
import { dataLines } from '../data-files.js';
import { tokenize, type Token } from './tokens.js';

let stopwords: Set<string> | undefined;

/** The English stop words of `data/stopwords-en.txt`, loaded once. */
export const stopWords = (): Set<string> => (stopwords ??= new Set(dataLines('stopwords-en.txt').flatMap((line) => line.split(/\s+/))));

/** Title words count this many times more than body words: a headline names the story. */
const TITLE_WEIGHT = 3;
/** Body words beyond this many are ignored: the lead carries the story, the rest adds noise and cost. */
const BODY_TOKENS = 400;

/** Term -> count for one article (lower case, no stop words, no pure numbers shorter than 4 digits). */
export function termCounts(title: string | undefined, text: string): Map<string, number> {
  return termCountsOf(title ? tokenize(title) : [], tokenize(text));
}

/** termCounts over tokens made. */
function termCountsOf(titleTokens: readonly Token[], textTokens: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  const stop = stopWords();
  const add = (tokens: readonly Token[], weight: number, limit: number): void => {
    const end = Math.min(limit, tokens.length);
    for (let i = 0; i < end; i++) {
      const term = tokens[i]!.norm;
      if (term.length < 2 || stop.has(term) || (term.length < 4 && /^\d+$/.test(term))) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  };
  add(titleTokens, TITLE_WEIGHT, 60);
  add(textTokens, 1, BODY_TOKENS);
  return counts;
}
