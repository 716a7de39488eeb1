// One article from reader input, and the read stage's page step: HTML -> DOM and metadata candidates, run where the article is prepared (a worker thread, or this one).
import { Article, type ArticleInput, type SourceRef } from '../article.js';
import { readHtmlPage } from './html.js';

/**
 * Build the article for an input item, as a reader hands it on: HTML stays raw (`input.html`) until
 * `readPage` parses it, so that the parse runs with the other per-article work, on worker threads when
 * there are any, instead of in the thread that reads files.
 */
export function articleFromInput(source: SourceRef, input: ArticleInput): Article {
  return new Article(source, input);
}

/** Whether the article carries HTML that `readPage` has not parsed yet (a non-empty input text wins over the HTML). */
export function needsPageRead(article: Article): boolean {
  return Boolean(article.input.html) && !article.input.text && article.data.page === undefined;
}

/**
 * Parse an article's HTML into a DOM with its metadata candidates, kept on the article (`data.page`,
 * dates added to `input.dates`) for clean and describe; fields the input gives win over them (a URL
 * taken from the canonical link says so in its provenance). The page's notes become messages. Runs once:
 * an article whose page is read, or whose input has a text, is left as it is.
 */
export function readPage(article: Article): void {
  if (!needsPageRead(article)) return;
  const input = article.input;
  const page = readHtmlPage(input.html!, { url: input.url });
  const canonicalUrl = input.canonicalUrl ?? page.metadata.canonicalUrl;
  const url = input.url ?? canonicalUrl;
  if (!input.url && url) {
    input.provenance = { ...input.provenance, url: 'canonical' };
    article.provenance.url = 'canonical';
  }
  input.url = url;
  input.canonicalUrl = canonicalUrl;
  input.dates = [...(input.dates ?? []), ...page.dates];
  article.url ??= url;
  article.canonicalUrl ??= canonicalUrl;
  article.data.page = page;
  for (const note of page.notes) article.message(note.rule, note.reason);
}
