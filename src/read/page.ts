// The read stage's page step: HTML -> DOM and metadata candidates, run where the article is prepared (a worker
// thread, or this one); apart from from-input.ts so that the readers do not load the HTML parser.
import type { Article } from '../article.js';
import { needsPageRead } from './from-input.js';
import { readHtmlPage } from './html.js';

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
