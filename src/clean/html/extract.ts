// The body of an HTML page: furniture removed, Readability's article (else <article>/<main>/<p>), laid out as paragraphs.
import { Readability } from '@mozilla/readability';
import { guarded, squash, type DomDocument, type DomElement, type DomNode } from '../../text/dom.js';
import { stripTitleSuffix } from '../../text/title-suffix.js';
import { removeFurniture, pruneContent } from './furniture.js';
import { blockText, dropLeadingTitle, fallbackText } from './layout.js';

/** What Readability said about the page besides its content, for describe's fallbacks. */
export interface ReadabilityFields {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
}

export interface BodyExtract {
  /** One paragraph per line, paragraphs separated by a blank line. */
  text: string;
  readability: ReadabilityFields;
  notes: { rule: string; reason: string }[];
}

/**
 * Extract the article body of a parsed page (the document is changed in place). `titles`: the page's
 * title candidates and headline, so a headline repeated atop the body is dropped from it (it is the title).
 * Never throws: a failing step becomes a note and the others give what they can.
 */
export function extractBody(document: DomDocument, titles: { candidates: string[]; headline?: string; outlet?: string }): BodyExtract {
  const notes: BodyExtract['notes'] = [];
  guarded(notes, 'clean:furniture', () => removeFurniture(document), 0);
  const parsed = guarded(
    notes,
    'clean:readability',
    () => new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse(),
    null,
  );
  let text = parsed?.content ? guarded(notes, 'clean:text', () => blockText(pruneContent(parsed.content as DomElement)), '') : '';
  if (!text) {
    text = guarded(notes, 'clean:fallback', () => fallbackText(document), '');
    notes.push({ rule: 'clean:fallback', reason: 'Readability found no article; the text of <article>, <main> or <p> elements was used' });
  }
  const first = titles.candidates[0];
  text = dropLeadingTitle(text, [first ? stripTitleSuffix(first, titles.outlet) : undefined, parsed?.title ?? undefined, titles.headline]);
  const readability: ReadabilityFields = {
    title: parsed?.title ? squash(parsed.title) : undefined,
    byline: parsed?.byline ? squash(parsed.byline) : undefined,
    siteName: parsed?.siteName ? squash(parsed.siteName) : undefined,
    publishedTime: parsed?.publishedTime ?? undefined,
  };
  return { text, readability, notes };
}
