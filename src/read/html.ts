// One HTML page -> article body as plain text (furniture removal, Readability, text layout) plus page metadata.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DateCandidate } from '../article.js';


/** What one page yields; `notes` records content problems (never thrown). */
export interface HtmlExtract {
  title?: string;
  /** The body: one paragraph per line, paragraphs separated by a blank line. */
  text: string;
  /** Publish and update dates the page states, most trusted first, as found (describe decides and normalises). */
  dates: DateCandidate[];
  byline?: string;
  authors: string[];
  outlet?: string;
  /** The canonical URL when the page states one, else the URL it was read from. */
  url?: string;
  /** `<link rel="canonical">` or `og:url`, absolute. */
  canonicalUrl?: string;
  /** Primary language subtag, lowercase (`en`). */
  language?: string;
  notes: { rule: string; reason: string }[];
}

// The project compiles without the DOM lib, so the few DOM members used here are declared structurally.
interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}
interface DomElement extends DomNode {
  localName: string;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

type Notes = HtmlExtract['notes'];

/** Run `work`; on an exception record a note and return `fallback`, so one broken part never sinks the page. */
function guarded<T>(notes: Notes, rule: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    notes.push({ rule, reason: `${rule} failed on this page: ${error instanceof Error ? error.message : String(error)}` });
    return fallback;
  }
}

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Letters and digits only, lowercase: for comparing a title or a name across sources. */
const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// ---------------------------------------------------------------------------------------------------------------
// Furniture removal (before Readability)
// ---------------------------------------------------------------------------------------------------------------

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
    [
      'share', 'shares', 'sharing', 'sharebar', 'social', 'socials', 'social-media', 'follow-us',
      'subscribe', 'subscription', 'newsletter', 'newsletters', 'signup', 'sign-up',
      'comment', 'comments', 'commentlist', 'disqus', 'respond', 'reply',
      'related', 'related-posts', 'related-articles', 'recommended', 'recommendations', 'most-popular', 'mostpopular',
      'popular', 'trending', 'more-stories', 'read-more', 'readmore', 'also-read', 'read-next', 'up-next',
      'outbrain', 'taboola', 'cookie', 'cookies', 'consent', 'gdpr', 'cookiebanner',
      'advert', 'advertisement', 'ads', 'ad', 'adslot', 'ad-slot', 'ad-container', 'sponsored', 'promo',
      'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'sidebar', 'modal', 'popup', 'skip-link',
      'print', 'tags', 'tag-list', 'post-tags', 'date', 'dates', 'timestamp', 'published', 'updated', 'gallery', 'slideshow', 'carousel', 'caption', 'captions', 'credit', 'credits', 'image-credit', 'photo-credit', 'byline', 'author-bio', 'about-author', 'author-box',
    ].map((w) => w.replace(/-/g, '[_-]')).join('|') +
    ')(?=$|[\\s_-])',
  'i',
);

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
  return linked / text >= 0.9;
}

/**
 * Remove link lists from Readability's chosen content. Done after Readability, not before, because removing
 * them from the page changes which container Readability picks.
 */
function pruneContent(root: DomElement): DomElement {
  const lists = root.querySelectorAll('ul, ol');
  const found: DomElement[] = [];
  for (let i = 0; i < lists.length; i++) if (isLinkList(lists[i]!)) found.push(lists[i]!);
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
    if (FURNITURE_WORDS.test(words) && !CONTENT_WORDS.test(words)) candidates.push(element);
  }
  for (const element of candidates) {
    if (!isConnected(element) || tooBig(element)) continue;
    element.remove();
    removed++;
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------------------------
// Content -> plain text
// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, with `@graph` arrays flattened. */
function jsonLdObjects(document: DomDocument, notes: Notes): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const object = value as JsonObject;
      found.push(object);
      if (object['@graph']) visit(object['@graph']);
    }
  };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = (scripts[i]!.textContent ?? '').trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
    if (!raw) continue;
    try {
      visit(JSON.parse(raw));
    } catch {
      notes.push({ rule: 'describe:json-ld', reason: 'a JSON-LD block is not valid JSON; it was ignored' });
    }
  }
  return found;
}

const ARTICLE_TYPES = /Article|BlogPosting|NewsArticle|Report|Posting|WebPage/i;

function typeOf(object: JsonObject): string {
  const type = object['@type'];
  return Array.isArray(type) ? type.join(' ') : typeof type === 'string' ? type : '';
}

/** The JSON-LD object that describes the article: an *Article type first, else any with a datePublished. */
function jsonLdArticle(objects: JsonObject[]): JsonObject | undefined {
  return (
    objects.find((o) => /Article|BlogPosting|Report/i.test(typeOf(o))) ??
    objects.find((o) => ARTICLE_TYPES.test(typeOf(o)) && (o.datePublished || o.author)) ??
    objects.find((o) => o.datePublished)
  );
}

/** Names from a JSON-LD `author`/`publisher` value: a string, an object with `name`, or an array of those. */
function jsonLdNames(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonLdNames);
  if (value && typeof value === 'object') {
    const name = (value as JsonObject).name;
    if (typeof name === 'string') return [name];
    if (Array.isArray(name)) return name.filter((n): n is string => typeof n === 'string');
  }
  return [];
}

function meta(document: DomDocument, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element =
      document.querySelector(`meta[property="${key}"]`) ??
      document.querySelector(`meta[name="${key}"]`) ??
      document.querySelector(`meta[itemprop="${key}"]`);
    const content = squash(element?.getAttribute('content'));
    if (content) return content;
  }
  return undefined;
}

/** Byline fragments that are prompts or labels, not names. */
const BYLINE_JUNK =
  /\b(?:e-?mail|follow|twitter|facebook|linkedin|instagram|share|subscribe|contact|view all|more (?:from|by|articles|stories)|posts? by|updated|published|writer|editor|correspondent|reporter|contributor|staff)\b|@|https?:|www\./i;

/** Credentials and suffixes that follow a name after a comma ("Rachael Link, MS, RD"). */
const CREDENTIAL = /^(?:[A-Z]{2,4}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3})$/;

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*$/i;

/** Split a byline into author names, dropping "By", roles, credentials, dates and prompts such as "Email the author". */
export function bylineAuthors(byline: string): string[] {
  const names: string[] = [];
  const cleaned = squash(byline)
    .replace(/^(?:written\s+)?by[:\s]+/i, '')
    // A date or a role often follows the name after a dash or a bar ("Jeff Foust — November 18").
    .replace(/\s+[|–—-]\s+.*$/, '')
    .replace(MONTH, '');
  for (const part of cleaned.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\n)\s*/i)) {
    const name = squash(part.replace(/^by[:\s]+/i, ''));
    if (!name || BYLINE_JUNK.test(name) || CREDENTIAL.test(name)) continue;
    // A name has 1..5 words, starts with a letter, and has no digits or sentence punctuation.
    if (name.split(' ').length > 5 || !/^\p{L}/u.test(name) || /\d|[.!?:]\s|[!?]$/u.test(name)) continue;
    if (/^(?:by|the|and|admin|administrator|editorial|staff)$/i.test(name)) continue;
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

/** Separators between a headline and a site name in <title>. */
const TITLE_SEPARATOR = /\s+[|–—:·•»-]\s+/;

/**
 * Remove a trailing " | Site" or " – Site" from a page title: always when it is the known outlet name,
 * otherwise only for strong separators and a short tail, so a headline with a dash keeps its second half.
 */
export function stripTitleSuffix(title: string, outlet?: string): string {
  let result = squash(title);
  for (let round = 0; round < 2; round++) {
    const parts = result.split(TITLE_SEPARATOR);
    if (parts.length < 2) break;
    const tail = parts[parts.length - 1]!;
    const head = result.slice(0, result.length - tail.length).replace(/\s+[|–—:·•»-]\s+$/, '');
    const separator = result.slice(head.length, result.length - tail.length).trim();
    const known = outlet !== undefined && tail.toLowerCase().replace(/\W/g, '') === outlet.toLowerCase().replace(/\W/g, '');
    const siteLike = /\.(?:com|org|net|co|news|[a-z]{2})$/i.test(tail);
    const strong = /[|–—·•»]/.test(separator) && tail.split(' ').length <= 4 && head.split(' ').length >= 2;
    if (!(known || siteLike || strong) || !head) break;
    result = head;
  }
  return result;
}

/** The page's first-level language subtag, lowercase. */
function languageOf(document: DomDocument): string | undefined {
  const raw =
    document.documentElement?.getAttribute('lang') ??
    document.documentElement?.getAttribute('xml:lang') ??
    meta(document, 'og:locale', 'content-language', 'language', 'dc.language') ??
    document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content');
  const primary = squash(raw).split(/[-_,;\s]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

interface PageMeta {
  title?: string;
  /** The <h1> or JSON-LD headline, when it differs from the title. */
  headline?: string;
  /** Every publish and update date the markup states, most trusted first. */
  dates: DateCandidate[];
  authors: string[];
  byline?: string;
  outlet?: string;
  url?: string;
  canonicalUrl?: string;
  language?: string;
}

/** Publish and update dates the markup states, most trusted first: meta tags, JSON-LD, microdata, <time>. */
function dateCandidates(document: DomDocument, article: JsonObject | undefined): DateCandidate[] {
  const found: DateCandidate[] = [];
  const add = (kind: DateCandidate['kind'], value: unknown, source: DateCandidate['source']): void => {
    if (typeof value === 'string' && value.trim()) found.push({ kind, value: value.trim(), source });
  };
  add('published', meta(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date'), 'meta');
  add('modified', meta(document, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dc.date.modified'), 'meta');
  add('published', article?.datePublished, 'json-ld');
  add('modified', article?.dateModified, 'json-ld');
  const itemprop = document.querySelector('[itemprop="datePublished"]');
  add('published', itemprop?.getAttribute('datetime') ?? itemprop?.getAttribute('content'), 'microdata');
  const modified = document.querySelector('[itemprop="dateModified"]');
  add('modified', modified?.getAttribute('datetime') ?? modified?.getAttribute('content'), 'microdata');
  const times = document.querySelectorAll('time[datetime]');
  for (let i = 0; i < times.length && i < 5; i++) {
    const time = times[i]!;
    const marks = `${time.getAttribute('class') ?? ''} ${time.getAttribute('itemprop') ?? ''} ${time.parentElement?.getAttribute('class') ?? ''}`;
    const kind = /updat|modif/i.test(marks) ? 'modified' : 'published';
    // Only the first <time> counts as the publish time: later ones are often related stories' dates.
    if (kind === 'published' && found.some((c) => c.source === 'time' && c.kind === 'published')) continue;
    add(kind, time.getAttribute('datetime'), 'time');
  }
  return found;
}

/** Metadata from markup, read before Readability changes the document. */
function readMeta(document: DomDocument, notes: Notes, pageUrl: string | undefined): PageMeta {
  const objects = guarded(notes, 'describe:json-ld', () => jsonLdObjects(document, notes), []);
  const article = jsonLdArticle(objects);
  const publisher = article?.publisher ?? objects.find((o) => /Organization|NewsMediaOrganization/i.test(typeOf(o)))?.name;
  const outlet = meta(document, 'og:site_name', 'application-name') ?? jsonLdNames(publisher)[0];

  const ogTitle = meta(document, 'og:title', 'twitter:title');
  const pageTitle = squash(document.querySelector('title')?.textContent);
  const h1 = squash(document.querySelector('h1')?.textContent);
  const headline = typeof article?.headline === 'string' ? squash(article.headline) : undefined;
  const titleSource = ogTitle ?? (pageTitle || undefined) ?? headline ?? (h1 || undefined);
  const title = titleSource ? stripTitleSuffix(titleSource, outlet) : undefined;

  const dates = dateCandidates(document, article);

  const authorSources = [
    ...document.querySelectorAll('meta[name="author"], meta[property="author"], meta[name="byl"], meta[name="sailthru.author"], meta[name="parsely-author"]') as ArrayLike<DomElement> as unknown as DomElement[],
  ]
    .map((e) => squash(e.getAttribute('content')))
    .filter(Boolean);
  const ldAuthors = jsonLdNames(article?.author);
  // An outlet or publisher named as the author (meta author = "Condé Nast") is not a byline.
  const organisations = new Set([outlet, ...jsonLdNames(publisher)].filter((v): v is string => Boolean(v)).map(comparable));
  const authors: string[] = [];
  for (const name of [...authorSources, ...ldAuthors].flatMap(bylineAuthors)) {
    if (organisations.has(comparable(name))) continue;
    if (!authors.some((a) => a.toLowerCase() === name.toLowerCase())) authors.push(name);
  }

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const canonicalUrl = absoluteUrl(canonical, pageUrl);
  const url = canonicalUrl ?? pageUrl;

  return { title, headline: h1 || headline, dates, authors, byline: authors.length ? authors.join(', ') : undefined, outlet, url, canonicalUrl, language: languageOf(document) };
}

function absoluteUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  const value = squash(href);
  if (!value) return undefined;
  try {
    return new URL(value, base).toString();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------------------------

/** Text of <article>, else <main>, else all <p> elements: the fallback when Readability finds no article. */
function fallbackText(document: DomDocument): string {
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
function dropLeadingTitle(text: string, titles: (string | undefined)[]): string {
  const keys = new Set(titles.filter((t): t is string => Boolean(t)).map(comparable).filter((k) => k.length >= 10));
  if (!keys.size) return text;
  const paragraphs = text.split('\n\n');
  const index = paragraphs.slice(0, 3).findIndex((p) => keys.has(comparable(p)));
  if (index < 0) return text;
  paragraphs.splice(index, 1);
  return paragraphs.join('\n\n');
}

/**
 * Extract the article body and metadata of one HTML page. Never throws: a failure in any step becomes a
 * note and the other steps still give what they can.
 */
export function extractHtml(html: string, options: { url?: string } = {}): HtmlExtract {
  const notes: Notes = [];
  const empty: HtmlExtract = { text: '', dates: [], authors: [], url: options.url, notes };
  if (typeof html !== 'string' || !html.trim()) {
    notes.push({ rule: 'read:empty', reason: 'the page has no HTML' });
    return empty;
  }
  // linkedom gives a fragment (no <html>/<body>) a document without a body, where Readability finds nothing.
  const source = /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const document = guarded(notes, 'read:html', () => parseHTML(source).document as unknown as DomDocument, undefined);
  if (!document?.documentElement) {
    notes.push({ rule: 'read:html', reason: 'the HTML could not be parsed into a document' });
    return empty;
  }

  const pageMeta = guarded<PageMeta>(notes, 'describe:meta', () => readMeta(document, notes, options.url), { authors: [], dates: [], url: options.url });
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

  text = dropLeadingTitle(text, [pageMeta.title, parsed?.title ?? undefined, pageMeta.headline]);

  const byline = pageMeta.byline ?? (parsed?.byline ? squash(parsed.byline) : undefined);
  let authors = pageMeta.authors;
  if (!authors.length && parsed?.byline) authors = bylineAuthors(parsed.byline);
  const dates = [...pageMeta.dates];
  if (parsed?.publishedTime) dates.push({ kind: 'published', value: parsed.publishedTime, source: 'readability' });
  const title = pageMeta.title ?? (parsed?.title ? squash(parsed.title) : undefined);
  return {
    title,
    text,
    dates,
    byline: authors.length ? authors.join(', ') : byline && bylineAuthors(byline).length ? byline : undefined,
    authors,
    outlet: pageMeta.outlet ?? (parsed?.siteName ? squash(parsed.siteName) : undefined),
    url: pageMeta.url ?? options.url,
    canonicalUrl: pageMeta.canonicalUrl,
    language: pageMeta.language,
    notes,
  };
}
