// One article from reader input: HTML is read into a DOM with its metadata candidates (clean extracts the body, describe decides the fields).
import { Article, type ArticleInput, type SourceRef } from '../article.js';
import { readHtmlPage } from './html.js';

/**
 * Build the article for an input item. When it carries HTML but no text, the page is parsed and its
 * metadata candidates are kept on the article (`data.page`, dates in `input.dates`); fields the input
 * gives win over them. Reader notes become messages.
 */
export function articleFromInput(source: SourceRef, input: ArticleInput): Article {
  if (!input.html || input.text) return new Article(source, input);
  const page = readHtmlPage(input.html, { url: input.url });
  const canonicalUrl = input.canonicalUrl ?? page.metadata.canonicalUrl;
  const url = input.url ?? canonicalUrl;
  const article = new Article(source, {
    ...input,
    url,
    canonicalUrl,
    dates: [...(input.dates ?? []), ...page.dates],
    provenance: { ...input.provenance, url: input.url ? input.provenance?.url ?? 'input' : url ? 'canonical' : undefined },
  });
  article.data.page = page;
  for (const note of page.notes) article.message(note.rule, note.reason);
  return article;
}
