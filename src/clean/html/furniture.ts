// Page furniture removal on the DOM, before Readability: never-prose elements, hidden blocks, navigation, blocks whose class/id words are in data/furniture-words.txt, teaser cards of other stories and inline pop-up cards.
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

/**
 * Class words of pop-up cards printed inside a sentence (a person's card with links to other stories, shown on
 * hover). Only the innermost card inside a paragraph goes (see inlinePopups): an outer marked element often wraps
 * the linked name too.
 */
const INLINE_POPUP = /(?:^|[\s_-])(?:tooltip|popover|hovercard|hover-card|rollover)(?=$|[\s_-])/i;

/**
 * Platform embed codes of posts the article quotes (a tweet, an Instagram post), as the class of their
 * <blockquote>: part of the story even inside a container whose class says `social`.
 */
const EMBEDDED_POST = /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|reddit-card|reddit-embed-bq|bluesky-embed|text-post-media)(?=$|\s)/;

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

/** Share of an element's text that sits inside links. */
function linkShare(element: DomElement): number {
  const text = squash(element.textContent).length;
  if (text === 0) return 0;
  let linked = 0;
  const links = element.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linked += squash(links[i]!.textContent).length;
  return linked / text;
}

/**
 * Remove link lists from Readability's chosen content. Done after Readability, not before, because removing
 * them from the page changes which container Readability picks.
 */

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

/** The <article> an element sits in, if any. */
function outerArticle(element: DomElement): DomElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) if (node.localName === 'article') return node;
  return undefined;
}

/** Whether a headline is a link to another page: nearly all its text linked, and not to a place on this page (`#...`, live-blog permalinks). */
function linksElsewhere(headline: DomElement): boolean {
  if (!squash(headline.textContent) || linkShare(headline) < 0.9) return false;
  const links = headline.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) if ((links[i]!.getAttribute('href') ?? '#').includes('#')) return false;
  return true;
}

/**
 * Article cards of other stories: an <article> whose headline links to another page (a teaser in a grid or a
 * "more stories" rail), and <article>s nested two or more in another one (in HTML, nested articles are the
 * comments or related posts of the outer one) when that outer one is not the page's story. The page's own
 * article, the one with the most paragraph text, is never a card; the story, for nested ones, is the top-level
 * article, not a card, with the most paragraph text outside its nested articles (a live blog's entries nested in it stay).
 * The caller also keeps any card that holds a large share of the page's prose.
 */
function teaserArticles(articles: DomElement[], articleChars: Map<DomElement, number>): DomElement[] {
  if (articles.length < 2) return [];
  const chars = (article: DomElement): number => articleChars.get(article) ?? 0;
  let main: DomElement | undefined;
  let most = -1;
  let story: DomElement | undefined;
  let storyMost = -1;
  const nestedIn = new Map<DomElement, DomElement[]>();
  for (let i = 0; i < articles.length; i++) {
    const article = articles[i]!;
    if (chars(article) > most) [main, most] = [article, chars(article)];
    const outer = outerArticle(article);
    if (outer) nestedIn.set(outer, [...(nestedIn.get(outer) ?? []), article]);
  }
  const cards = new Set<DomElement>();
  for (let i = 0; i < articles.length; i++) {
    const article = articles[i]!;
    const headline = article.querySelector('h1, h2, h3, h4');
    if (article !== main && headline && linksElsewhere(headline)) cards.add(article);
  }
  for (let i = 0; i < articles.length; i++) {
    const article = articles[i]!;
    if (outerArticle(article) || cards.has(article)) continue;
    const own = chars(article) - (nestedIn.get(article) ?? []).reduce((sum, inner) => sum + chars(inner), 0);
    if (own > storyMost) [story, storyMost] = [article, own];
  }
  for (const [outer, nested] of nestedIn) {
    if (nested.length < 2 || outer === story) continue;
    for (const article of nested) if (article !== main) cards.add(article);
  }
  return [...cards];
}

/** Paragraph text length of the page and of each <article> (nested ones count in their outer ones too), in one pass over the <p>s. */
function paragraphTally(document: DomDocument): { total: number; byArticle: Map<DomElement, number> } {
  const byArticle = new Map<DomElement, number>();
  let total = 0;
  const paragraphs = document.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i++) {
    const length = squash(paragraphs[i]!.textContent).length;
    total += length;
    for (let node = paragraphs[i]!.parentElement; node; node = node.parentElement) {
      if (node.localName === 'article') byArticle.set(node, (byArticle.get(node) ?? 0) + length);
    }
  }
  return { total, byArticle };
}

/**
 * Pop-up cards inside paragraphs: an element with an INLINE_POPUP class word that holds an image or two or more
 * links (a card, not the linked name that opens it), the innermost such element of each card.
 */
function inlinePopups(marked: DomElement[]): DomElement[] {
  const cards = marked.filter((element) => {
    let inParagraph = false;
    for (let node = element.parentElement; node && !inParagraph; node = node.parentElement) inParagraph = node.localName === 'p';
    return inParagraph && (element.querySelector('img') !== null || element.querySelectorAll('a').length >= 2);
  });
  const outer = new Set<DomElement>();
  for (const card of cards) for (let node = card.parentElement; node; node = node.parentElement) outer.add(node);
  return cards.filter((card) => !outer.has(card));
}

/** Elements an embedded post is never lifted out of: the article's own containers, and furniture elements (a tweet in a sidebar stays furniture). */
const UNWRAP_STOPS = new Set(['article', 'main', 'nav', 'footer', 'aside', 'dialog']);

/**
 * An embedded post takes the place of its wrappers (the elements around it that hold no other text): neither the
 * furniture words here nor Readability, which drops a `social` block and a link-dense <div>, then take the post.
 */
function unwrapEmbeddedPosts(posts: DomElement[]): void {
  for (const post of posts) {
    const length = squash(post.textContent).length;
    let outermost: DomElement | undefined;
    for (let node = post.parentElement; node && node.localName !== 'body'; node = node.parentElement) {
      if (squash(node.textContent).length > length || UNWRAP_STOPS.has(node.localName)) break;
      outermost = node;
    }
    outermost?.replaceWith(post);
  }
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
  const { total: totalParagraphs, byArticle } = paragraphTally(document);
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
  // The page's articles: those holding paragraphs, and any with a class or id (cards), found by the walks below.
  const articles = new Set(byArticle.keys());
  const byElement = document.querySelectorAll(FURNITURE_ELEMENTS);
  for (let i = 0; i < byElement.length; i++) candidates.push(byElement[i]!);
  const popups: DomElement[] = [];
  const posts: DomElement[] = [];
  const all = document.querySelectorAll('[class], [id], [aria-label]');
  for (let i = 0; i < all.length; i++) {
    const element = all[i]!;
    const className = element.getAttribute('class') ?? '';
    if (element.localName === 'blockquote' && EMBEDDED_POST.test(className)) posts.push(element);
    if (element.localName === 'article') articles.add(element);
    if (element.localName === 'html' || element.localName === 'body' || element.localName === 'article' || element.localName === 'main') continue;
    if (INLINE_POPUP.test(className)) popups.push(element);
    const words = attributeWords(element);
    if ((FURNITURE_WORDS.test(words) || CAMEL_CAPTION.test(words)) && !CONTENT_WORDS.test(words)) candidates.push(element);
  }
  candidates.push(...teaserArticles([...articles], byArticle), ...inlinePopups(popups));
  // Before any removal: an unwrapped post's wrappers leave the document, so they are skipped below.
  unwrapEmbeddedPosts(posts);
  for (const element of candidates) {
    if (!isConnected(element) || tooBig(element)) continue;
    element.remove();
    removed++;
  }
  return removed;
}

