// JSONL reader: one article per line, our field names plus news-please / newspaper ones.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import type { ArticleInput, ReadResult } from '../article.js';
import { articleFromInput } from './from-input.js';
import { instantOf, normalizeDate } from '../text/dates.js';

/** Lines longer than this are refused (a runaway line is not an article). */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/**
 * ISO 8601 from an ISO-ish string, a "YYYY-MM-DD HH:MM:SS" string or epoch milliseconds; undefined if
 * unparseable. JSONL publish times are instants: a date alone is midnight UTC, and a zoneless date-time
 * (news-please's "2021-01-08 21:17:00") is read as UTC, never in the machine's zone.
 */
export function normalizePublished(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  return instantOf(normalizeDate(value));
}

function authorsOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((a): a is string => typeof a === 'string' && a.trim() !== '');
  if (typeof value === 'string' && value.trim() !== '') return value.split(/\s*(?:,|;| and )\s*/).filter(Boolean);
  return undefined;
}

/**
 * Map one parsed JSON object to article input. Returns a reason string when the object
 * cannot be an article (not an object, no text, html or title).
 */
export function inputFromRecord(record: unknown): ArticleInput | string {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return `expecting a JSON object, instead found ${Array.isArray(record) ? 'an array' : record === null ? 'null' : typeof record}`;
  }
  const r = record as Record<string, unknown>;
  const input: ArticleInput = {
    id: asString(r.id),
    url: asString(r.url),
    outlet: asString(r.outlet) ?? asString(r.source_domain),
    title: asString(r.title),
    text: asString(r.text) ?? asString(r.maintext),
    html: asString(r.html),
    published: normalizePublished(r.published ?? r.date_publish ?? r.publish_date),
    language: asString(r.language),
    authors: authorsOf(r.authors),
  };
  if (!input.text && !input.html && !input.title) {
    return 'expecting at least one of "text", "maintext", "html" or "title", instead found none';
  }
  return input;
}

/** One non-blank line of a JSONL file: its parsed value, or why it could not be parsed. */
export type JsonLine = { line: number; record: unknown } | { line: number; rule: string; reason: string };

/** Stream the parsed lines of a JSONL file (optionally .gz, BOM allowed); blank lines are skipped. */
export async function* readJsonLines(file: string): AsyncGenerator<JsonLine> {
  const bytes = createReadStream(file);
  const input = file.endsWith('.gz') ? bytes.pipe(createGunzip()) : bytes;
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    if (text.length > MAX_LINE_CHARS) {
      yield { line, rule: 'read:too-large', reason: `line longer than ${MAX_LINE_CHARS} characters` };
      continue;
    }
    try {
      yield { line, record: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, rule: 'read:json', reason: `expecting a JSON object, instead found malformed JSON (${(error as Error).message})` };
    }
  }
}

/** Stream the articles of a JSONL file; a broken line yields a failure naming file and line. */
export async function* readJsonl(file: string): AsyncGenerator<ReadResult> {
  for await (const parsed of readJsonLines(file)) {
    const source = { file, line: parsed.line };
    if (!('record' in parsed)) {
      yield { ok: false, failure: { source, rule: parsed.rule, reason: parsed.reason } };
      continue;
    }
    const input = inputFromRecord(parsed.record);
    if (typeof input === 'string') {
      yield { ok: false, failure: { source, rule: 'read:fields', reason: input } };
      continue;
    }
    const article = articleFromInput(source, input);
    if (input.text?.includes('\uFFFD')) {
      article.message('read:encoding', 'the text holds U+FFFD replacement characters: it was decoded with the wrong encoding upstream');
    }
    yield { ok: true, article };
  }
}
