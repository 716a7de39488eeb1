// One article from reader input: HTML without text goes through the extractor; fields the input gives win.
import { Article, type ArticleInput, type SourceRef } from '../article.js';
import { extractHtml } from './html.js';

/**
 * Build the article for an input item. When it carries HTML but no text, the page is extracted
 * and its metadata fills the fields the input left empty; extractor notes become messages.
 */
export function articleFromInput(source: SourceRef, input: ArticleInput): Article {
  if (!input.html || input.text) return new Article(source, input);
  const page = extractHtml(input.html, { url: input.url });
  const article = new Article(source, {
    ...input,
    text: page.text,
    title: input.title ?? page.title,
    url: input.url ?? page.url,
    canonicalUrl: input.canonicalUrl ?? page.canonicalUrl,
    outlet: input.outlet ?? page.outlet,
    provenance: {
      outlet: input.outlet ? input.provenance?.outlet ?? 'input' : page.outlet ? 'site-name' : undefined,
      url: input.url ? input.provenance?.url ?? 'input' : page.url ? 'canonical' : undefined,
    },
    dates: [...(input.dates ?? []), ...page.dates],
    language: input.language ?? page.language,
    authors: input.authors ?? (page.authors.length ? page.authors : page.byline ? [page.byline] : undefined),
  });
  for (const note of page.notes) article.message(note.rule, note.reason);
  return article;
}
