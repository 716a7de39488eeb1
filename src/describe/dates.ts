// Publish time and last update, decided apart from the candidates readers found, each with where it came from.
import type { Article, DateCandidate, Provenance } from '../article.js';
import { instantOf, normalizeDate } from '../text/dates.js';
import { publishedFromText } from './published.js';

/** Trust order of date sources: the markup's own statements, then the feed, then the text, then crawl times. */
const RANK: Provenance[] = ['input', 'meta', 'json-ld', 'microdata', 'time', 'feed', 'readability', 'text', 'http', 'warc'];
const rank = (source: Provenance): number => {
  const index = RANK.indexOf(source);
  return index < 0 ? RANK.length : index;
};

export interface DecidedDates {
  published?: { value: string; source: Provenance };
  updated?: { value: string; source: Provenance };
  /** Candidates that are not a complete date, reported and never half-used. */
  rejected: DateCandidate[];
}

/**
 * Decide publish time and last update from candidates. The first complete date of the most trusted source
 * wins in each kind; a crawl time stands in for the publish time only when nothing else states one. An
 * update that is earlier than the publish time is dropped (pages copy the publish time into both).
 */
export function decideDates(candidates: readonly DateCandidate[], text?: string): DecidedDates {
  const rejected: DateCandidate[] = [];
  const ordered = [...candidates].sort((a, b) => rank(a.source) - rank(b.source));
  const first = (kind: DateCandidate['kind']): { value: string; source: Provenance } | undefined => {
    for (const candidate of ordered) {
      if (candidate.kind !== kind) continue;
      const value = normalizeDate(candidate.value);
      if (value) return { value, source: candidate.source };
      rejected.push(candidate);
    }
    return undefined;
  };
  let published = first('published');
  if (!published && text) {
    const fromText = publishedFromText(text);
    if (fromText) published = { value: fromText, source: 'text' };
  }
  published ??= first('crawled');
  let updated = first('modified');
  const publishedAt = instantOf(published?.value);
  const updatedAt = instantOf(updated?.value);
  if (updated && publishedAt && updatedAt && updatedAt <= publishedAt) updated = undefined;
  return { published, updated, rejected };
}

/** The dates of one article: the input's own fields win, else the candidates, else the text. */
export function describeDates(article: Article): void {
  const candidates = article.input.dates ?? [];
  const decided = decideDates(candidates, article.published ? undefined : article.input.text ?? '');
  for (const bad of decided.rejected) {
    article.message('describe:date', `expecting a date, instead found "${bad.value.replace(/\s+/g, ' ').slice(0, 60)}" (${bad.source} ${bad.kind}); ignored`, 'info');
  }
  if (!article.published && decided.published) {
    article.published = decided.published.value;
    article.provenance.published = decided.published.source;
    if (decided.published.source === 'warc' || decided.published.source === 'http') {
      article.message('describe:crawl-date', `no publish date on the page; the crawl time (${decided.published.source === 'warc' ? 'WARC-Date' : 'HTTP Date'}) stands in`, 'info');
    }
  }
  if (!article.updated && decided.updated) {
    article.updated = decided.updated.value;
    article.provenance.updated = decided.updated.source;
  }
  if (!article.published) article.message('describe:no-date', 'no publish date found', 'info');
}
