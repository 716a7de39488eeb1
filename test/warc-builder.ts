// Builds WARC files for tests and the bench: HTTP response records (and others), each record gzipped on its own as Common Crawl does.
import { gzipSync } from 'node:zlib';

export interface WarcPage {
  url: string;
  /** The response body as bytes (or a string, written as UTF-8). */
  body: Uint8Array | string;
  /** HTTP Content-Type; `text/html; charset=utf-8` unless given (null: no header). */
  contentType?: string | null;
  status?: number;
  /** WARC-Date, ISO 8601; 2021-01-08T10:00:00Z unless given. */
  date?: string;
}

let counter = 0;
const recordId = (): string => `<urn:uuid:00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}>`;

/** One WARC record (headers + block + the two CRLFs that end it). */
export function warcRecord(type: string, uri: string | undefined, block: Uint8Array, options: { date?: string; contentType?: string } = {}): Buffer {
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: ${recordId()}`,
    `WARC-Date: ${options.date ?? '2021-01-08T10:00:00Z'}`,
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    ...(options.contentType ? [`Content-Type: ${options.contentType}`] : []),
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n', 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

/** The record of an HTTP response for one page. */
export function responseRecord(page: WarcPage): Buffer {
  const body = typeof page.body === 'string' ? Buffer.from(page.body, 'utf8') : Buffer.from(page.body);
  const contentType = page.contentType === undefined ? 'text/html; charset=utf-8' : page.contentType;
  const http = [
    `HTTP/1.1 ${page.status ?? 200} ${page.status && page.status !== 200 ? 'Other' : 'OK'}`,
    ...(contentType === null ? [] : [`Content-Type: ${contentType}`]),
    'Date: Fri, 08 Jan 2021 09:00:00 GMT',
    `Content-Length: ${body.length}`,
  ];
  const block = Buffer.concat([Buffer.from(http.join('\r\n') + '\r\n\r\n', 'latin1'), body]);
  return warcRecord('response', page.url, block, { date: page.date, contentType: 'application/http; msgtype=response' });
}

/** The request record a crawler writes before each response. */
export function requestRecord(url: string): Buffer {
  const block = Buffer.from(`GET ${new URL(url).pathname} HTTP/1.1\r\nHost: ${new URL(url).host}\r\n\r\n`, 'latin1');
  return warcRecord('request', url, block, { contentType: 'application/http; msgtype=request' });
}

/** A warcinfo record, as every Common Crawl file starts with. */
export function warcinfoRecord(): Buffer {
  return warcRecord('warcinfo', undefined, Buffer.from('software: newsfuse-test\r\nformat: WARC File Format 1.0\r\n'), { contentType: 'application/warc-fields' });
}

/** Records joined into a file: each gzipped as its own member (`gzip: true`) or plain. */
export function warcFile(records: Buffer[], options: { gzip?: boolean } = {}): Buffer {
  return Buffer.concat(options.gzip ? records.map((r) => gzipSync(r)) : records);
}
