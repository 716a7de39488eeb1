// What `dupes` does to each article: the clean stage without its source map, the fingerprint stage, and the
// duplicate candidate (id, content hash, shingle set, band keys), run in this thread or a dupes worker thread.
import { Article, type ArticleInput, type ArticleMessage, type SourceRef } from '../article.js';
import { clean } from '../clean/clean.js';
import { duplicateCandidate, type DuplicateCandidate } from '../fingerprint/dupes.js';
import { fingerprint } from '../fingerprint/fingerprint.js';
import { needsPageRead } from '../read/from-input.js';

/** An article as read, sent to a worker: its input fields and the reader's messages. */
export interface DupesPayload {
  source: SourceRef;
  input: ArticleInput;
  messages: ArticleMessage[];
}

/** One article prepared for `dupes`: its candidate (none without shingles) and its error messages. */
export interface DupesPrepared {
  candidate?: DuplicateCandidate;
  errors: ArticleMessage[];
}

/** The page step (read/page.ts), loaded by `loadPageReader` when an HTML article comes: the HTML parser takes ~0.15 s to load. */
let readPage: ((article: Article) => void) | undefined;

/** Whether an input item's HTML must be parsed (`needsPageRead` before the article is built): then `loadPageReader` first. */
export const inputNeedsPage = (input: ArticleInput): boolean => Boolean(input.html) && !input.text;

/** Load the page step; prepareForDupes needs it for an article whose HTML is not parsed yet. */
export async function loadPageReader(): Promise<void> {
  readPage ??= (await import('../read/page.js')).readPage;
}

/** Run a stage as the pipeline does: a stage that throws becomes an error message and the article goes on. */
function stage(article: Article, name: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    article.message(`${name}:crash`, `the ${name} stage failed on this article: ${(error as Error).message}`, 'error');
  }
}

/**
 * Clean and fingerprint an article for `dupes`: the text and shingles are those of `prepare(article,
 * ['clean', 'fingerprint'])` (call `loadPageReader` first for HTML input), but the clean stage skips the offsets back to the input and the fingerprint the tokens' spans and the item key, which dupes never reads.
 */
export function prepareForDupes(article: Article): DupesPrepared {
  // An HTML article's page is parsed here, as prepare() does, so that it happens on whichever thread prepares it.
  stage(article, 'read', () => {
    if (!needsPageRead(article)) return;
    if (!readPage) throw new Error('expecting the page step loaded (loadPageReader) before an HTML article, instead found it not loaded');
    readPage(article);
  });
  stage(article, 'clean', () => clean(article, { sourceMap: false }));
  stage(article, 'fingerprint', () => fingerprint(article, { lean: true }));
  return { candidate: duplicateCandidate(article), errors: article.messages.filter((m) => m.severity === 'error') };
}

/** `prepareForDupes` of a payload (in a worker thread). */
export function preparePayload(payload: DupesPayload): DupesPrepared {
  const article = new Article(payload.source, payload.input);
  article.messages.push(...payload.messages);
  return prepareForDupes(article);
}
