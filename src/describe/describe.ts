// The describe stage: title, outlet, publish time, byline, dateline, credits, cited sources, language.
import type { Article } from '../article.js';
import { bylineDomain, findByline } from './byline.js';
import { findCitedSources, findCredits } from './credits.js';
import { findDateline, type Dateline } from './dateline.js';
import { detectLanguage } from './language.js';
import { describeDates } from './dates.js';
import { describePage } from './page.js';
import { splitTitleSuffix, titleFromHead, titleFromLede } from './title.js';

declare module '../article.js' {
  interface ArticleData {
    dateline?: Dateline;
    /** Agencies the article credits (wire copy it carries). */
    credits?: string[];
    /** Agencies the text cites as its sources ("KCNA said"). */
    cited?: string[];
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Describe one article from its fields, then its markup-derived fields, then its text (in that order of trust). */
export function describe(article: Article): void {
  describePage(article);
  const dateline = findDateline(article.text);
  if (dateline) article.data.dateline = dateline;

  // Title: given > head line of the page > first sentence.
  let siteFromTitle: string | undefined;
  const given = article.title ?? titleFromHead(article.data.headLines ?? []);
  if (given) {
    const split = splitTitleSuffix(given);
    article.title = split.title;
    siteFromTitle = split.site;
  } else {
    article.title = titleFromLede(article.text, dateline?.end);
    if (article.title) article.message('describe:no-title', 'no title found; the first sentence stands in', 'info');
  }

  if (!article.outlet) {
    const host = hostOf(article.url);
    const found = siteFromTitle ? { outlet: siteFromTitle, source: 'title' as const } : host ? { outlet: host, source: 'host' as const } : undefined;
    const fromByline = found ? undefined : bylineDomain(article.text);
    article.outlet = found?.outlet ?? fromByline;
    if (article.outlet) article.provenance.outlet = found?.source ?? 'byline';
    if (!article.outlet) article.message('describe:no-outlet', 'no outlet found in the fields, the title or the URL', 'info');
  }

  describeDates(article);

  if (article.authors.length === 0) article.authors = findByline(article.text);
  // An HTML body's byline line is removed by clean as furniture; it still names the authors.
  if (article.authors.length === 0) {
    const line = article.data.removed?.find((r) => r.rule === 'byline-line')?.line;
    if (line) article.authors = findByline(line.replace(/\s*[-–—|,]$/, ''));
  }

  article.data.credits = findCredits(article.text);
  if (dateline?.agency) {
    for (const name of findCredits(`(${dateline.agency})`)) if (!article.data.credits.includes(name)) article.data.credits.unshift(name);
  }
  article.data.cited = findCitedSources(article.text);

  if (!article.language) article.language = detectLanguage(article.text || article.title || '');
}
