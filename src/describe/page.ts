// Describe an HTML article from what its page said (read's metadata candidates, Readability's fields): title, outlet, authors, language.
import type { Article } from '../article.js';
import { comparable } from '../text/dom.js';
import { stripTitleSuffix } from '../text/title-suffix.js';
import { bylineAuthors } from './page-byline.js';

/** Authors from the page's author strings, without organisations named as authors ("Condé Nast"). */
export function pageAuthors(raw: readonly string[], organisations: readonly string[]): string[] {
  const organisationKeys = new Set(organisations.map(comparable));
  const authors: string[] = [];
  for (const name of raw.flatMap(bylineAuthors)) {
    if (organisationKeys.has(comparable(name))) continue;
    if (!authors.some((a) => a.toLowerCase() === name.toLowerCase())) authors.push(name);
  }
  return authors;
}

/**
 * Fill the fields the input left empty from the page: outlet (site name, JSON-LD publisher, Readability's
 * site name), title (og:title, <title>, JSON-LD headline, <h1>, Readability's, without a site suffix),
 * authors (meta and JSON-LD authors, else Readability's byline) and language. Each records its provenance.
 */
export function describePage(article: Article): void {
  const page = article.data.page;
  if (!page) return;
  const metadata = page.metadata;
  const readability = article.data.readability ?? {};
  if (!article.outlet) {
    const outlet = metadata.outlets[0];
    if (outlet) {
      article.outlet = outlet.value;
      article.provenance.outlet = outlet.source;
    } else if (readability.siteName) {
      article.outlet = readability.siteName;
      article.provenance.outlet = 'readability';
    }
  }
  if (!article.title) {
    const title = metadata.titles[0];
    if (title) {
      article.title = stripTitleSuffix(title.value, metadata.outlets[0]?.value);
      article.provenance.title = title.source === 'og' ? 'meta' : title.source === 'json-ld' ? 'json-ld' : 'title';
    } else if (readability.title) {
      article.title = readability.title;
      article.provenance.title = 'readability';
    }
  }
  if (article.authors.length === 0) {
    const authors = pageAuthors(metadata.authors, metadata.organisations);
    article.authors = authors.length ? authors : readability.byline ? bylineAuthors(readability.byline) : [];
  }
  if (!article.language && metadata.language) article.language = metadata.language;
  if (readability.publishedTime) {
    article.input.dates = [...(article.input.dates ?? []), { kind: 'published', value: readability.publishedTime, source: 'readability' }];
  }
}
