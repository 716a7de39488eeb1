// The fallbacks when Readability finds no article, and the headline a body repeats at its top.
import { comparable, squash, type DomDocument } from '../../text/dom.js';
import { blockText } from '../../text/dom-text.js';

export { blockText };

/** Text of <article>, else <main>, else all <p> elements: the fallback when Readability finds no article. */
export function fallbackText(document: DomDocument): string {
  for (const selector of ['article', 'main', '[itemprop="articleBody"]']) {
    const element = document.querySelector(selector);
    const text = element ? blockText(element) : '';
    if (text.length > 200) return text;
  }
  const paragraphs = document.querySelectorAll('p');
  const lines: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const text = squash(paragraphs[i]!.textContent);
    if (text) lines.push(text);
  }
  if (lines.length) return lines.join('\n\n');
  return document.body ? blockText(document.body) : '';
}

/**
 * Drop a headline repeated at the top of the body: pages often print it inside the article container, and
 * it belongs in `title`, not in the text. Only the first three paragraphs are looked at.
 */
export function dropLeadingTitle(text: string, titles: (string | undefined)[]): string {
  const keys = new Set(titles.filter((t): t is string => Boolean(t)).map(comparable).filter((k) => k.length >= 10));
  if (!keys.size) return text;
  const paragraphs = text.split('\n\n');
  const index = paragraphs.slice(0, 3).findIndex((p) => keys.has(comparable(p)));
  if (index < 0) return text;
  paragraphs.splice(index, 1);
  return paragraphs.join('\n\n');
}

