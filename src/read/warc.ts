// WARC reader (.warc, .warc.gz, record-gzipped as Common Crawl ships them): HTML responses -> articles, streaming.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import type { DateCandidate, ReadResult, SourceRef } from '../article.js';
import { decodeBytes, MAX_DOCUMENT_BYTES } from './decode.js';
import { articleFromInput } from './from-input.js';

/** Records a WARC file held that are not articles, counted by kind ("request", "non-HTML response"...). */
export interface WarcSkips {
  file: string;
  counts: Map<string, number>;
}

export interface WarcOptions {
  /** Called once per file with the records that were skipped (not an error: WARC files hold requests, metadata, images). */
  onSkipped?: (skips: WarcSkips) => void;
}

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
/** The record types of WARC 1.0 and 1.1. */
const WARC_TYPES = new Set(['warcinfo', 'response', 'resource', 'request', 'metadata', 'revisit', 'conversion', 'continuation']);
const WARC_START = Buffer.from('WARC/');

/** The charset parameter of a Content-Type header value. */
function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** Whether a response is an HTML page: by its Content-Type, else by its first bytes when it has none. */
function isHtml(contentType: string | null | undefined, body: Uint8Array): boolean {
  if (contentType) return /\b(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
  const start = Buffer.from(body.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

/** An HTTP date ("Fri, 08 Jan 2021 09:00:00 GMT") or WARC date as it stands, when it is one. */
const dateHeader = (value: string | null | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

/**
 * Where the next record may start at or after `from`: a gzip member that inflates to "WARC/" (compressed
 * files), else a line starting "WARC/". Used to go on after a corrupt member or a record cut short.
 */
async function nextRecordStart(file: string, from: number, compressed: boolean): Promise<number | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const block = Buffer.alloc(1 << 20);
    for (let position = from; position < size; ) {
      const { bytesRead } = await handle.read(block, 0, block.length, position);
      if (bytesRead === 0) return undefined;
      const view = block.subarray(0, bytesRead);
      for (let i = 0; i < view.length; i++) {
        const at = position + i;
        if (compressed) {
          if (view[i] !== GZIP_MAGIC[0] || view[i + 1] !== GZIP_MAGIC[1] || view[i + 2] !== GZIP_MAGIC[2]) continue;
          const head = Buffer.alloc(4096);
          const { bytesRead: n } = await handle.read(head, 0, head.length, at);
          try {
            const inflated = gunzipSync(head.subarray(0, n), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
            if (inflated.subarray(0, WARC_START.length).equals(WARC_START)) return at;
          } catch {
            // Not a member start (or a corrupt one): keep looking.
          }
        } else if (view[i] === 0x57 && (at === 0 || view[i - 1] === 0x0a || i === 0)) {
          const head = Buffer.alloc(WARC_START.length);
          await handle.read(head, 0, head.length, at);
          if (head.equals(WARC_START)) return at;
        }
      }
      // Overlap so a marker split across blocks is not missed.
      position += Math.max(1, bytesRead - 8);
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Whether the file starts as gzip, so resuming looks for members rather than lines. */
async function startsGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The bytes the record's content reader still owed when the stream ended: > 0 means the record was cut short. */
function missingBytes(record: WARCRecord): number {
  // warcio exposes the record's LimitReader, whose `limit` counts down what Content-Length promised.
  const reader = (record as unknown as { _reader: unknown })._reader;
  return reader instanceof LimitReader ? reader.limit : 0;
}

/**
 * Stream the articles of one WARC file. Each HTTP `response` record with an HTML body becomes an article
 * (target URI as URL, WARC-Date and HTTP Date as crawl-time fallbacks, HTTP charset as the encoding hint);
 * other records are skipped and counted (`onSkipped`). A record cut short or a corrupt gzip member gives one
 * failure naming the file, the record's number and byte offset, and reading goes on at the next record.
 */
export async function* readWarc(file: string, options: WarcOptions = {}): AsyncGenerator<ReadResult> {
  const skips: WarcSkips = { file, counts: new Map() };
  const skip = (kind: string): void => {
    skips.counts.set(kind, (skips.counts.get(kind) ?? 0) + 1);
  };
  let size: number;
  let compressed: boolean;
  try {
    size = (await stat(file)).size;
    compressed = await startsGzip(file);
  } catch (error) {
    yield { ok: false, failure: { source: { file }, rule: 'read:io', reason: (error as Error).message } };
    return;
  }
  if (size === 0) {
    yield { ok: false, failure: { source: { file }, rule: 'read:empty', reason: 'the file is empty' } };
    return;
  }
  let number = 0;
  let yielded = 0;
  let base = 0;
  while (base < size) {
    const parser = new WARCParser(createReadStream(file, { start: base }));
    let recordStart = base;
    let broken: string | undefined;
    try {
      for await (const record of parser) {
        number++;
        recordStart = base + parser.offset;
        const source: SourceRef = { file, record: number };
        const result = await articleOfRecord(record, source, recordStart, skip);
        if (result) {
          yielded++;
          yield result;
        }
      }
      // The parser stops quietly at a member it cannot inflate; a clean end is the end of the file.
      const end = base + parser.offset;
      if (end >= size) break;
      broken = compressed ? 'a corrupt gzip member' : 'data that is not a WARC record';
      recordStart = end;
      number++;
    } catch (error) {
      broken = `a record that cannot be parsed (${(error as Error).message})`;
      recordStart = Math.max(recordStart, base + parser.offset);
      number++;
    }
    const next = await nextRecordStart(file, recordStart + 1, compressed).catch(() => undefined);
    const lost = (next ?? size) - recordStart;
    yielded++;
    yield {
      ok: false,
      failure: {
        source: { file, record: number },
        rule: 'read:warc',
        reason: `record ${number} at byte ${recordStart}: expecting a WARC record, instead found ${broken}; ${next === undefined ? `the last ${lost} bytes were skipped` : `skipped ${lost} bytes to the next record at byte ${next}`}`,
      },
    };
    if (next === undefined || next <= base) break;
    base = next;
  }
  if (yielded === 0 && skips.counts.size === 0) {
    yield { ok: false, failure: { source: { file }, rule: 'read:warc', reason: 'expecting WARC records, instead found none' } };
  }
  options.onSkipped?.(skips);
}

/** One record -> an article result, a failure (cut short, too large, undecodable), or undefined when skipped. */
async function articleOfRecord(record: WARCRecord, source: SourceRef, offset: number, countSkip: (kind: string) => void): Promise<ReadResult | undefined> {
  const where = `record ${source.record} at byte ${offset}`;
  const fail = (rule: string, reason: string): ReadResult => ({ ok: false, failure: { source, rule, reason: `${where}: ${reason}` } });
  if (record.warcHeader('Content-Length') === null || record.warcHeader('Content-Length') === undefined) {
    // Content-Length is mandatory: without it the headers were cut short, or this is not a WARC record.
    return fail('read:warc', 'expecting WARC headers with a Content-Length, instead found none (the record is cut short or not a WARC record); skipped');
  }
  let cutShort = false;
  // A skipped record is read past (not into memory) so that one cut short is still reported.
  const skip = async (kind: string): Promise<undefined> => {
    try {
      await record.skipFully();
    } catch {
      cutShort = true;
    }
    if (cutShort || missingBytes(record) > 0) cutShort = true;
    else countSkip(kind);
    return undefined;
  };
  if (!WARC_TYPES.has(record.warcType ?? '')) {
    // A record cut short in an uncompressed file runs into the next one, whose headers then read as garbage.
    return fail('read:warc', `expecting WARC headers with a WARC-Type, instead found ${record.warcType ? `WARC-Type "${String(record.warcType).slice(0, 40)}"` : 'none'} (a record before it may be cut short); skipped`);
  }
  if (record.warcType !== 'response') {
    await skip(record.warcType ?? 'untyped');
    return cutShort ? fail('read:warc', 'the record is cut short; skipped') : undefined;
  }
  const http = record.httpHeaders;
  if (!http) {
    await skip('non-HTTP response');
    return cutShort ? fail('read:warc', 'the record is cut short; skipped') : undefined;
  }
  const status = Number(http.statusCode);
  if (!(status >= 200 && status < 300)) {
    await skip(`HTTP ${Number.isFinite(status) ? status : '?'} response`);
    return cutShort ? fail('read:warc', 'the record is cut short; skipped') : undefined;
  }
  const contentType = http.headers.get('content-type');
  if (contentType && !/\b(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
    await skip('non-HTML response');
    return cutShort ? fail('read:warc', 'the record is cut short; skipped') : undefined;
  }
  if (record.warcContentLength > MAX_DOCUMENT_BYTES) {
    return fail('read:too-large', `the response is ${Math.round(record.warcContentLength / 1048576)} MiB, larger than a page can be (${MAX_DOCUMENT_BYTES / 1048576} MiB); skipped`);
  }
  let body: Uint8Array;
  try {
    body = await record.readFully(true);
  } catch (error) {
    return fail('read:warc', `the response body cannot be decoded (${(error as Error).message})`);
  }
  const missing = missingBytes(record);
  if (missing > 0) return fail('read:warc', `the record is cut short (${missing} bytes of its Content-Length missing); skipped`);
  if (!isHtml(contentType, body)) {
    await skip('non-HTML response');
    return cutShort ? fail('read:warc', 'the record is cut short; skipped') : undefined;
  }
  const decoded = decodeBytes(body, { html: true, charset: charsetOf(contentType) });
  if (!decoded.ok) return fail(decoded.rule, decoded.reason);
  const { text, notes } = decoded.decoded;
  if (text.trim() === '') return fail('read:empty', 'the response body holds only white space');
  const dates: DateCandidate[] = [];
  const warcDate = dateHeader(record.warcDate);
  if (warcDate) dates.push({ kind: 'crawled', value: warcDate, source: 'warc' });
  const lastModified = dateHeader(http.headers.get('last-modified'));
  if (lastModified) dates.push({ kind: 'modified', value: lastModified, source: 'http' });
  const httpDate = dateHeader(http.headers.get('date'));
  if (httpDate) dates.push({ kind: 'crawled', value: httpDate, source: 'http' });
  const url = record.warcTargetURI?.trim() || undefined;
  const article = articleFromInput(source, { html: text, url, dates, provenance: { url: 'warc' } });
  for (const note of notes) article.message(note.rule, note.reason);
  return { ok: true, article };
}
