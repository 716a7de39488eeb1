// Plain text of a DOM subtree laid out as paragraphs: shared by clean (page bodies) and read (feed summaries).
import { ELEMENT_NODE, squash, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

/** Elements that start and end a paragraph of their own. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);
/** Elements whose text is separated from its neighbours by a space but stays on the line (table cells). */
const CELL = new Set(['td', 'th']);
// Figures hold media, captions and photo credits, which are not part of the story's text.
const SKIP = new Set(['figure', 'figcaption', 'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'button', 'select', 'textarea']);

/**
 * Lay out the text of a DOM subtree: each block element (paragraph, heading, list item, br-separated line)
 * on its own line, lines separated by a blank line, whitespace collapsed inside a line.
 */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let line = '';
  const flush = (): void => {
    const text = squash(line);
    if (text) paragraphs.push(text);
    line = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = (node as DomElement).localName?.toLowerCase() ?? '';
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    else if (CELL.has(name)) line += ' ';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (block) flush();
    else if (CELL.has(name)) line += ' ';
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

