// The read stage for HTML: bytes already decoded -> a DOM and the page's metadata candidates (titles, dates, authors, outlet, canonical URL, language), undecided.
import { parseHTML } from 'linkedom';
import type { DateCandidate } from '../article.js';
import { guarded, squash, type DomDocument, type DomElement } from '../text/dom.js';

type Notes = { rule: string; reason: string }[];

/** What the markup says about the page, as found: describe decides among these, clean uses the titles. */
export interface PageMetadata {
  /** Title candidates, most trusted first: og:title / twitter:title, <title>, JSON-LD headline, <h1>. */
  titles: { value: string; source: 'og' | 'title' | 'json-ld' | 'h1' }[];
  /** The first <h1>, or the JSON-LD headline: a headline the body may repeat at its top. */
  headline?: string;
  /** Outlet candidates: og:site_name / application-name, the JSON-LD publisher. */
  outlets: { value: string; source: 'site-name' | 'json-ld' }[];
  /** Organisations the page names (publisher, site name): never authors. */
  organisations: string[];
  /** Author strings as the markup gives them (meta author, JSON-LD author names), not yet split or cleaned. */
  authors: string[];
  canonicalUrl?: string;
  /** Primary language subtag from lang / og:locale / content-language. */
  language?: string;
}

/** One HTML page as read: its DOM (until clean has extracted the body) and its metadata candidates. */
export interface HtmlPage {
  /** The parsed document; clean removes furniture from it in place and then drops it. */
  document?: DomDocument;
  metadata: PageMetadata;
  /** Publish and update dates the markup states, most trusted first, as found. */
  dates: DateCandidate[];
  notes: Notes;
}

declare module '../article.js' {
  interface ArticleData {
    /** The page an HTML article was read from: DOM and metadata candidates (read), consumed by clean and describe. */
    page?: HtmlPage;
  }
}

type JsonObject = Record<string, unknown>;

/**
 * The elements the metadata is read from, in document order, found in one walk of the page instead of one
 * per selector (each query walks every node of a page of ~800 elements). Each list holds what the selector
 * in its comment matched, as css-select matches it in an HTML document: tag names and the values of `type`,
 * `rel` and `http-equiv` compared without case, other attribute values with it.
 */
interface MetadataElements {
  /** `script[type="application/ld+json"]` */
  jsonLd: DomElement[];
  /** `meta` */
  metas: DomElement[];
  /** `[itemprop="datePublished"]`, `[itemprop="dateModified"]`: the first of each */
  datePublished?: DomElement;
  dateModified?: DomElement;
  /** `time[datetime]` */
  times: DomElement[];
  /** `title`, `h1`: the first of each */
  title?: DomElement;
  h1?: DomElement;
  /** `meta[name="author"], meta[property="author"], meta[name="byl"], meta[name="sailthru.author"], meta[name="parsely-author"]` */
  authors: DomElement[];
  /** `link[rel="canonical"]`: the first */
  canonical?: DomElement;
  /** `meta[http-equiv="content-language" i]`: the first */
  contentLanguage?: DomElement;
}

const AUTHOR_META_NAMES = new Set(['author', 'byl', 'sailthru.author', 'parsely-author']);
const lowerEquals = (value: string | null, expected: string): boolean => value !== null && value.length === expected.length && value.toLowerCase() === expected;

function metadataElements(document: DomDocument): MetadataElements {
  const found: MetadataElements = { jsonLd: [], metas: [], times: [], authors: [] };
  // querySelectorAll walks the page as every single-selector query did (document order, <template> content skipped).
  const elements = document.querySelectorAll('script, meta, title, h1, link, time, [itemprop]');
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    const tag = element.localName.toLowerCase();
    if (tag === 'script') {
      if (lowerEquals(element.getAttribute('type'), 'application/ld+json')) found.jsonLd.push(element);
    } else if (tag === 'meta') {
      found.metas.push(element);
      const name = element.getAttribute('name');
      if ((name !== null && AUTHOR_META_NAMES.has(name)) || element.getAttribute('property') === 'author') found.authors.push(element);
      if (!found.contentLanguage && lowerEquals(element.getAttribute('http-equiv'), 'content-language')) found.contentLanguage = element;
    } else if (tag === 'title') found.title ??= element;
    else if (tag === 'h1') found.h1 ??= element;
    else if (tag === 'link') {
      if (!found.canonical && lowerEquals(element.getAttribute('rel'), 'canonical')) found.canonical = element;
    } else if (tag === 'time') {
      if (element.hasAttribute('datetime')) found.times.push(element);
    }
    const itemprop = element.getAttribute('itemprop');
    if (itemprop === 'datePublished') found.datePublished ??= element;
    else if (itemprop === 'dateModified') found.dateModified ??= element;
  }
  return found;
}

/** Every object in the page's JSON-LD blocks, with `@graph` arrays flattened. */
function jsonLdObjects(scripts: readonly DomElement[], notes: Notes): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const object = value as JsonObject;
      found.push(object);
      if (object['@graph']) visit(object['@graph']);
    }
  };
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

/** The content of the first <meta> per property, name and itemprop value. */
type MetaIndex = Map<string, string>;

function metaIndexOf(elements: readonly DomElement[]): MetaIndex {
  const index: MetaIndex = new Map();
  for (const attribute of ['property', 'name', 'itemprop']) {
    for (let i = 0; i < elements.length; i++) {
      const key = elements[i]!.getAttribute(attribute);
      if (key !== null && !index.has(`${attribute}=${key}`)) index.set(`${attribute}=${key}`, elements[i]!.getAttribute('content') ?? '');
    }
  }
  return index;
}

/** The first non-empty content among `keys`, each looked up as property, then name, then itemprop (as `meta[property=key]` first). */
function meta(index: MetaIndex, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const raw = index.get(`property=${key}`) ?? index.get(`name=${key}`) ?? index.get(`itemprop=${key}`);
    const content = squash(raw);
    if (content) return content;
  }
  return undefined;
}


/** The page's first-level language subtag, lowercase. */
function languageOf(document: DomDocument, index: MetaIndex, found: MetadataElements): string | undefined {
  const raw =
    document.documentElement?.getAttribute('lang') ??
    document.documentElement?.getAttribute('xml:lang') ??
    meta(index, 'og:locale', 'content-language', 'language', 'dc.language') ??
    found.contentLanguage?.getAttribute('content');
  const primary = squash(raw).split(/[-_,;\s]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}


/** Publish and update dates the markup states, most trusted first: meta tags, JSON-LD, microdata, <time>. */
function dateCandidates(index: MetaIndex, elements: MetadataElements, article: JsonObject | undefined): DateCandidate[] {
  const found: DateCandidate[] = [];
  const add = (kind: DateCandidate['kind'], value: unknown, source: DateCandidate['source']): void => {
    if (typeof value === 'string' && value.trim()) found.push({ kind, value: value.trim(), source });
  };
  add('published', meta(index, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date'), 'meta');
  add('modified', meta(index, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dc.date.modified'), 'meta');
  add('published', article?.datePublished, 'json-ld');
  add('modified', article?.dateModified, 'json-ld');
  const itemprop = elements.datePublished;
  add('published', itemprop?.getAttribute('datetime') ?? itemprop?.getAttribute('content'), 'microdata');
  const modified = elements.dateModified;
  add('modified', modified?.getAttribute('datetime') ?? modified?.getAttribute('content'), 'microdata');
  const times = elements.times;
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


/** Metadata and date candidates from markup, read before anything changes the document. */
export function pageMetadata(document: DomDocument, notes: Notes, pageUrl: string | undefined): { metadata: PageMetadata; dates: DateCandidate[] } {
  const found = metadataElements(document);
  const index = metaIndexOf(found.metas);
  const objects = guarded(notes, 'describe:json-ld', () => jsonLdObjects(found.jsonLd, notes), []);
  const article = jsonLdArticle(objects);
  const dates = guarded(notes, 'describe:meta', () => dateCandidates(index, found, article), []);
  const publisher = article?.publisher ?? objects.find((o) => /Organization|NewsMediaOrganization/i.test(typeOf(o)))?.name;
  const siteName = meta(index, 'og:site_name', 'application-name');
  const publisherNames = jsonLdNames(publisher);
  const outlets: PageMetadata['outlets'] = [];
  if (siteName) outlets.push({ value: siteName, source: 'site-name' });
  if (publisherNames[0]) outlets.push({ value: squash(publisherNames[0]), source: 'json-ld' });

  const titles: PageMetadata['titles'] = [];
  const ogTitle = meta(index, 'og:title', 'twitter:title');
  const pageTitle = squash(found.title?.textContent);
  const h1 = squash(found.h1?.textContent);
  const headline = typeof article?.headline === 'string' ? squash(article.headline) : undefined;
  if (ogTitle) titles.push({ value: ogTitle, source: 'og' });
  if (pageTitle) titles.push({ value: pageTitle, source: 'title' });
  if (headline) titles.push({ value: headline, source: 'json-ld' });
  if (h1) titles.push({ value: h1, source: 'h1' });

  const authors = found.authors.map((e) => squash(e.getAttribute('content'))).filter(Boolean);
  authors.push(...jsonLdNames(article?.author));

  const canonical = found.canonical?.getAttribute('href') ?? meta(index, 'og:url');
  const metadata: PageMetadata = {
    titles,
    headline: h1 || headline,
    outlets,
    organisations: [siteName, ...publisherNames].filter((v): v is string => Boolean(v)),
    authors,
    canonicalUrl: absoluteUrl(canonical, pageUrl),
    language: languageOf(document, index, found),
  };
  return { metadata, dates };
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

/**
 * Read one HTML page: parse it into a DOM and collect its metadata candidates. Never throws: a page that
 * cannot be parsed gives a page without a document and a note.
 */
export function readHtmlPage(html: string, options: { url?: string } = {}): HtmlPage {
  const notes: Notes = [];
  const empty: HtmlPage = { metadata: { titles: [], outlets: [], organisations: [], authors: [] }, dates: [], notes };
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
  const { metadata, dates } = guarded(notes, 'describe:meta', () => pageMetadata(document, notes, options.url), { metadata: empty.metadata, dates: [] });
  return { document, metadata, dates, notes };
}
