// The carrier: one article's input fields, the data each stage adds, and the messages about it.

/** Where an article came from: a file, and a line for line-based formats such as JSONL. */
export interface SourceRef {
  file: string;
  line?: number;
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
  outlet?: string;
  published?: string;
  language?: string;
  authors: string[];
  data: ArticleData = {};
  readonly messages: ArticleMessage[] = [];

  constructor(source: SourceRef, input: ArticleInput) {
    this.source = source;
    this.input = input;
    this.text = input.text ?? '';
    this.title = input.title;
    this.url = input.url;
    this.outlet = input.outlet;
    this.published = input.published;
    this.language = input.language;
    this.authors = input.authors ?? [];
  }

  /** `file` or `file:line`, the name messages use. */
  get where(): string {
    return this.source.line === undefined ? this.source.file : `${this.source.file}:${this.source.line}`;
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
