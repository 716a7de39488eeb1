// Bytes -> text for every reader: gzip, binary detection, BOM and charset, invalid UTF-8 fallback.
import { gunzipSync } from 'node:zlib';

export interface Decoded {
  text: string;
  encoding: string;
  /** Content problems found on the way (e.g. invalid UTF-8, encoding guessed). */
  notes: { rule: string; reason: string }[];
}

export type DecodeResult = { ok: true; decoded: Decoded } | { ok: false; rule: string; reason: string };

/** Files larger than this are refused rather than loaded (one page, not a corpus). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

const isGzip = (bytes: Uint8Array): boolean => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Share of control bytes (other than tab, newline, carriage return, form feed) in the first 8 KiB. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return 1;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n;
}

/** The charset a page declares in `<meta charset>` or `http-equiv` content, if any. */
export function declaredCharset(head: string): string | undefined {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/**
 * windows-1252's characters for bytes 0x80-0x9F (curly quotes, dashes, euro...). Node 20's
 * TextDecoder('windows-1252') decodes these bytes as Latin-1 C1 controls, so we map them ourselves.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decode windows-1252 (also what pages labelled latin1 / iso-8859-1 really are, as browsers assume). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'latin1', 'iso-8859-1', 'iso8859-1', 'us-ascii', 'ascii']);

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | undefined {
  if (!fatal && WINDOWS_1252_LABELS.has(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decode the bytes of one document. Gzip is unpacked; binary content and oversized files are
 * refused with a reason; UTF-8 is tried strictly first, then the declared charset, then
 * windows-1252 (with a note saying the encoding was guessed).
 */
export function decodeBytes(input: Uint8Array, options: { html?: boolean } = {}): DecodeResult {
  let bytes = input;
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_DOCUMENT_BYTES + 1 });
    } catch (error) {
      return { ok: false, rule: 'read:gzip', reason: `expecting gzip data, instead found a broken stream (${(error as Error).message})` };
    }
  }
  if (bytes.length === 0) return { ok: false, rule: 'read:empty', reason: 'the file is empty' };
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, rule: 'read:too-large', reason: `the file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB; split it or pass it as JSONL` };
  }
  const notes: Decoded['notes'] = [];
  // A BOM decides, before the binary check: UTF-16 text is full of zero bytes.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, decoded: { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', notes } };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { ok: true, decoded: { text: new TextDecoder(label).decode(bytes.subarray(2)), encoding: label, notes } };
  }
  if (controlShare(bytes) > 0.01) {
    return { ok: false, rule: 'read:binary', reason: 'expecting text, instead found binary content (NUL or control bytes)' };
  }
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== undefined) return { ok: true, decoded: { text: utf8, encoding: 'utf-8', notes } };

  const declared = options.html ? declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096))) : undefined;
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const text = tryDecode(bytes, declared, false);
    if (text !== undefined) return { ok: true, decoded: { text, encoding: declared, notes } };
    notes.push({ rule: 'read:encoding', reason: `the page declares charset "${declared}", which is unknown` });
  }
  notes.push({ rule: 'read:encoding', reason: 'invalid UTF-8; encoding guessed as windows-1252' });
  return { ok: true, decoded: { text: decodeWindows1252(bytes), encoding: 'windows-1252', notes } };
}
