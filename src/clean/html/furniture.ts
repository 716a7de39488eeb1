// Page furniture removal on the DOM, before Readability: never-prose elements, hidden blocks, navigation, and blocks whose class/id words are in data/furniture-words.txt.
import { dataLines } from '../../data-files.js';
import { squash, type DomDocument, type DomElement } from '../../text/dom.js';

/** Elements that never hold article prose. */
const NEVER_PROSE = 'script, style, noscript, template, iframe, object, embed, svg, canvas, button, select, input, textarea, link, meta';

/** Page furniture by element or ARIA role. */
const FURNITURE_ELEMENTS =
  'nav, footer, aside, dialog, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [role="search"], [aria-modal="true"]';

/**
 * Class/id/aria-label words that mark a page-furniture block. Matched as whole words of the attribute, where
 * `-` and `_` also separate words, so `article-share-bar` matches `share` but `shareholders` does not.
 */
const FURNITURE_WORDS = new RegExp(
  '(?:^|[\\s_-])(?:' +
    dataLines('furniture-words.txt')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[_-]'))
      .join('|') +
    ')(?=$|[\\s_-])',
  'i',
);

/** Captions named in camelCase (`newsCaption`, `imageCaption`): photo captions outside <figure>. */
const CAMEL_CAPTION = /\p{Ll}Caption(?:s|Text)?(?=$|[\s_-]|\p{Lu})/u;

/** Words that mark the article itself; an element carrying one is kept even if it also matches a furniture word. */
const CONTENT_WORDS = /(?:^|[\s_-])(?:article|story|post|entry|content|body|main|text)(?:[_-]?(?:body|content|text))?(?=$|[\s_-])/i;

function attributeWords(element: DomElement): string {
  return [element.getAttribute('class'), element.getAttribute('id'), element.getAttribute('aria-label')]
    .filter((v): v is string => Boolean(v))
    .join(' ');
}

/** Length of the text inside <p> elements below `root` (a cheap measure of prose). */
function paragraphChars(root: DomElement | DomDocument): number {
  let total = 0;
  const paragraphs = root.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i++) total += squash(paragraphs[i]!.textContent).length;
  return total;
}

/**
 * A list of links, such as "Related" or "More stories": at least two items and nearly all of its text inside
 * links. Lists in the prose link a word or two, so their link share stays low.
 */
function isLinkList(list: DomElement): boolean {
  const items = list.querySelectorAll('li');
  if (items.length < 2) return false;
  const text = squash(list.textContent).length;
  if (text === 0) return false;
  let linked = 0;
  const links = list.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linked += squash(links[i]!.textContent).length;
  if (linked / text >= 0.9) return true;
  // Teaser lists ("More great stories"): every item a short headline with a link in it.
  if (items.length < 3 || linked / text < 0.35) return false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!item.querySelector('a') || squash(item.textContent).length > 120) return false;
  }
  return true;
}

/**
 * Remove link lists from Readability's chosen content. Done after Readability, not before, because removing
 * them from the page changes which container Readability picks.
 */
/** Share of an element's text that sits inside links. */
function linkShare(element: DomElement): number {
  const text = squash(element.textContent).length;
  if (text === 0) return 0;
  let linked = 0;
  const links = element.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linked += squash(links[i]!.textContent).length;
  return linked / text;
}

export function pruneContent(root: DomElement): DomElement {
  const lists = root.querySelectorAll('ul, ol');
  const found: DomElement[] = [];
  for (let i = 0; i < lists.length; i++) if (isLinkList(lists[i]!)) found.push(lists[i]!);
  // A heading or paragraph that is all link is a teaser for another story ("Related: ..."), not prose.
  const blocks = root.querySelectorAll('p, h2, h3, h4, h5, h6');
  for (let i = 0; i < blocks.length; i++) if (linkShare(blocks[i]!) >= 0.95) found.push(blocks[i]!);
  for (const list of found) list.remove();
  return root;
}

/**
 * Remove page furniture from the document in place; returns how many blocks were removed. A block is kept when
 * it holds a large share of the page's paragraph text, because a furniture class on a wrapper (a "social"
 * container around the whole story) would otherwise take the article with it.
 */
export function removeFurniture(document: DomDocument): number {
  let removed = 0;
  const never = document.querySelectorAll(NEVER_PROSE);
  for (let i = 0; i < never.length; i++) {
    never[i]!.remove();
    removed++;
  }
  const hidden = document.querySelectorAll('[hidden], [aria-hidden="true"]');
  for (let i = 0; i < hidden.length; i++) {
    hidden[i]!.remove();
    removed++;
  }

  // Pages that set prose with <br> instead of <p> are guarded by their whole text.
  const totalParagraphs = paragraphChars(document);
  const totalText = squash(document.body?.textContent).length;
  const tooBig = (element: DomElement): boolean => {
    if (element.querySelector('article, main, [itemprop="articleBody"]')) return true;
    if (totalParagraphs > 0 && paragraphChars(element) > totalParagraphs * 0.3) return true;
    return totalText > 0 && squash(element.textContent).length > totalText * 0.3;
  };
  const isConnected = (element: DomElement): boolean => {
    for (let node: DomElement | null = element; node; node = node.parentElement) if (node.localName === 'html') return true;
    return false;
  };

  const candidates: DomElement[] = [];
  const byElement = document.querySelectorAll(FURNITURE_ELEMENTS);
  for (let i = 0; i < byElement.length; i++) candidates.push(byElement[i]!);
  const all = document.querySelectorAll('[class], [id], [aria-label]');
  for (let i = 0; i < all.length; i++) {
    const element = all[i]!;
    if (element.localName === 'html' || element.localName === 'body' || element.localName === 'article' || element.localName === 'main') continue;
    const words = attributeWords(element);
    if ((FURNITURE_WORDS.test(words) || CAMEL_CAPTION.test(words)) && !CONTENT_WORDS.test(words)) candidates.push(element);
  }
  for (const element of candidates) {
    if (!isConnected(element) || tooBig(element)) continue;
    element.remove();
    removed++;
  }
  return removed;
}

