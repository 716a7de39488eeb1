// The word tokens of an article's cleaned body, computed once and shared by the stages that need them (fingerprint, story terms).
import type { Article } from '../article.js';
import { tokenize, type Token } from './tokens.js';

declare module '../article.js' {
  interface ArticleData {
    /** Tokens of `article.text`, with the text they were made from (a stage that changes the text makes them stale). */
    bodyTokens?: { text: string; tokens: Token[] };
  }
}

/** The tokens of the article's current text: tokenised on first use, then reused while the text is unchanged. */
export function bodyTokens(article: Article): Token[] {
  const kept = article.data.bodyTokens;
  if (kept && kept.text === article.text) return kept.tokens;
  const tokens = tokenize(article.text);
  article.data.bodyTokens = { text: article.text, tokens };
  return tokens;
}
