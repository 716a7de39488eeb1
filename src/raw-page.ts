// Raw pages: what the read stage knew of an HTML article, captured as read, kept with the stored article, read again by `reextract`.
import { Article, type ReadResult } from './article.js';
import { articleFromInput } from './read/from-input.js';
import type { RawPage } from './store/store.js';

declare module './article.js' {
  interface ArticleData {
    /** The page as read (HTML articles only), stored beside the article so extraction can be re-run. */
    rawPage?: RawPage;
  }
}

/** Rules of the notes a reader makes about the bytes before the HTML is parsed (the decoded HTML no longer shows them). */
const DECODER_RULES = new Set(['read:encoding']);

/**
 * The raw page of an article as a reader yields it, before any stage ran: undefined unless its body is
 * HTML (a page, a WARC response, feed content, a JSONL `html` field without `text`). Stages change the
 * input (clean sets `input.text`, describe adds date candidates), so this must be taken before them.
 */
export function rawPageOf(article: Article): RawPage | undefined {
  const { html, text, ...input } = article.input;
  if (html === undefined || text !== undefined) return undefined;
  return {
    html,
    source: { ...article.source },
    input: structuredClone(input),
    notes: article.messages.filter((m) => DECODER_RULES.has(m.rule)).map((m) => ({ rule: m.rule, reason: m.reason })),
  };
}

/** The article a stored raw page reads as again: the same reader entry as ingest, with today's code. */
export function articleOfRawPage(page: RawPage): Article {
  const article = articleFromInput(page.source, { ...page.input, html: page.html });
  for (const note of page.notes) article.message(note.rule, note.reason);
  return article;
}

/**
 * Carries each article's raw page from when it is read to when it comes out of preparation: preparation
 * (prepareAll) yields one result per read result, in read order, but may hand back a rebuilt article.
 */
export class RawPageCapture {
  private readonly queue: (RawPage | undefined)[] = [];

  /** The read results unchanged, each article's raw page taken as it passes. */
  async *capture(results: AsyncIterable<ReadResult>): AsyncGenerator<ReadResult> {
    for await (const result of results) {
      this.queue.push(result.ok ? rawPageOf(result.article) : undefined);
      yield result;
    }
  }

  /** Put the raw page taken for this (next prepared) result on its article. */
  attach(result: ReadResult): void {
    const page = this.queue.shift();
    if (result.ok && page) result.article.data.rawPage = page;
  }
}
