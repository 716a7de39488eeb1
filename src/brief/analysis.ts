// What the brief reads off one article on its own (entity mentions, quotes): computed once per article and kept, so rebuilding a grown story's brief costs its new articles only.
import { findEntities, type EntityMention } from './entities/entities.js';
import type { TimeExpression } from '../text/timex.js';
import { findQuotes, type Quote } from './quotes/quotes.js';

/**
 * Version of the per-article analysis; stored analyses of another version are recomputed. Bump it
 * with every change to what the entity or quote finders (or their word lists) produce.
 */
export const ANALYSIS_VERSION = '3';

/** Text analysed per article; longer articles are cut here (and the brief says so). */
export const MAX_ANALYSED_CHARS = 60_000;

export interface ArticleAnalysis {
  version: string;
  mentions: EntityMention[];
  quotes: Quote[];
  /** The article's time expressions and the day they were resolved against (added by the timeline). */
  timex?: { reference: string; expressions: TimeExpression[] };
}

/** Entity mentions and quotes of one article's (cleaned) text, offsets into that text. */
export function analyseArticle(text: string): ArticleAnalysis {
  const analysed = text.slice(0, MAX_ANALYSED_CHARS);
  const mentions = findEntities(analysed);
  return { version: ANALYSIS_VERSION, mentions, quotes: findQuotes(analysed, { mentions }) };
}

/** A stored analysis, or undefined when it is of another version or not an analysis at all. */
export function parseAnalysis(json: string): ArticleAnalysis | undefined {
  try {
    const value = JSON.parse(json) as Partial<ArticleAnalysis>;
    if (value.version !== ANALYSIS_VERSION || !Array.isArray(value.mentions) || !Array.isArray(value.quotes)) return undefined;
    return value as ArticleAnalysis;
  } catch {
    return undefined;
  }
}
