// The carrier: one article's input fields, the data each stage adds, and the messages about it.

/** Where an article came from: a file, and a line for line-based formats such as JSONL. */
export interface SourceRef {
  file: string;
  line?: number;
  /** The record's number (1-based) in a WARC file or the item's in a feed. */
  record?: number;
}

/** `file`, `file:line` or `file#record`: how messages name an item. */
export function sourceName(source: SourceRef): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.record !== undefined) return `${source.file}#${source.record}`;
  return source.file;
}

/** Where a date, an outlet or a URL came from, most trusted first in each list that uses it. */
export type Provenance =
  | 'input'
  | 'json-ld'
  | 'meta'
  | 'microdata'
  | 'time'
  | 'readability'
  | 'feed'
  | 'http'
  | 'warc'
  | 'text'
  | 'site-name'
  | 'title'
  | 'host'
  | 'byline'
  | 'canonical';

/** A date a reader found, not yet decided on: describe picks the publish time and the last update from these. */
export interface DateCandidate {
  /** `published`: first publication; `modified`: last update; `crawled`: when a crawler fetched it (a fallback). */
  kind: 'published' | 'modified' | 'crawled';
  /** As found (describe normalises it; an unparseable value is reported, never half-used). */
  value: string;
  source: Provenance;
}

export type Severity = 'info' | 'warning' | 'error';

/** A content problem found while reading or processing one article (never an exception). */
export interface ArticleMessage {
  /** Stable rule id, e.g. `read:encoding`, `describe:no-date`. */
  rule: string;
  reason: string;
  severity: Severity;
  source: string;
}

/** Fields a reader can provide; every one optional except the text or html body. */
export interface ArticleInput {
  id?: string;
  url?: string;
  outlet?: string;
  title?: string;
  /** Plain-text body, as the input gives it (before cleaning). */
  text?: string;
  /** HTML of the page, when the input is a page. */
  html?: string;
  /** Publish time as ISO 8601. */
  published?: string;
  language?: string;
  authors?: string[];
  /** Last update as ISO 8601, when the input gives it apart from the publish time. */
  updated?: string;
  /** Dates found beside the fields (page markup, feed, WARC headers), for describe to decide on. */
  dates?: DateCandidate[];
  /** The page's canonical URL (`<link rel="canonical">`, `og:url`), which may differ from `url` (where it was fetched). */
  canonicalUrl?: string;
  /** Where `outlet` and `url` came from when a reader (not the user's input) set them. */
  provenance?: { outlet?: Provenance; url?: Provenance };
}

/**
 * Data the stages add. Each stage augments this interface from its own module
 * (`declare module '../article.js' { interface ArticleData { ... } }`), so a reader sees
 * in one place what a stage contributes, and no stage reaches into another's internals.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ArticleData {}

export class Article {
  readonly source: SourceRef;
  readonly input: ArticleInput;
  /** The cleaned body; starts as the input text and is replaced by the clean stage. */
  text: string;
  title?: string;
  url?: string;
  /** The page's canonical URL, when it states one. */
  canonicalUrl?: string;
  outlet?: string;
  published?: string;
  /** Last update, kept apart from the publish time (ISO 8601). */
  updated?: string;
  language?: string;
  authors: string[];
  /** Where the decided fields came from (`published: 'json-ld'`, `outlet: 'host'` ...). */
  provenance: { published?: Provenance; updated?: Provenance; outlet?: Provenance; url?: Provenance; title?: Provenance } = {};
  data: ArticleData = {};
  readonly messages: ArticleMessage[] = [];

  constructor(source: SourceRef, input: ArticleInput) {
    this.source = source;
    this.input = input;
    this.text = input.text ?? '';
    this.title = input.title;
    this.url = input.url;
    this.canonicalUrl = input.canonicalUrl;
    this.outlet = input.outlet;
    this.published = input.published;
    this.updated = input.updated;
    if (input.published) this.provenance.published = 'input';
    if (input.updated) this.provenance.updated = 'input';
    if (input.outlet) this.provenance.outlet = input.provenance?.outlet ?? 'input';
    if (input.url) this.provenance.url = input.provenance?.url ?? 'input';
    this.language = input.language;
    this.authors = input.authors ?? [];
  }

  /** `file`, `file:line` or `file#record`, the name messages use. */
  get where(): string {
    return sourceName(this.source);
  }

  /** A stable id for output: the input id, else the file (and line). */
  get id(): string {
    return this.input.id ?? this.where;
  }

  /** Record a content problem; processing goes on. */
  message(rule: string, reason: string, severity: Severity = 'warning'): ArticleMessage {
    const message = { rule, reason, severity, source: this.where };
    this.messages.push(message);
    return message;
  }
}

/** A problem with an input that yields no article at all (binary file, broken JSON line). */
export interface ReadFailure {
  source: SourceRef;
  rule: string;
  reason: string;
}

/** What a reader yields, one per item: an article, or a failure naming the item. */
export type ReadResult = { ok: true; article: Article } | { ok: false; failure: ReadFailure };

/** Epoch ms of an article's publish time, or undefined. */
export function timeOf(article: Article): number | undefined {
  if (!article.published) return undefined;
  const ms = Date.parse(article.published);
  return Number.isNaN(ms) ? undefined : ms;
}
