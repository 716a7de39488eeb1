// One article from reader input, HTML left raw until the read stage's page step (page.ts) parses it where the article is prepared.
import { Article, type ArticleInput, type SourceRef } from '../article.js';

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
