// Bytes -> text for every reader: gzip, binary detection, BOM and charset, invalid UTF-8 fallback.
import { gunzipSync } from 'node:zlib';
import { analyse as analyseCharset } from 'chardet';

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
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
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

const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'latin1', 'iso-8859-1', 'iso8859-1', 'us-ascii', 'ascii', 'x-cp1252', 'l1']);

/**
 * The WHATWG name of a charset label (`shift-jis` -> `shift_jis`, `latin1` -> `windows-1252`), or undefined
 * when TextDecoder does not know it.
 */
export function charsetName(label: string): string | undefined {
  const clean = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (WINDOWS_1252_LABELS.has(clean)) return 'windows-1252';
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return undefined;
  }
}

/** Decode with a WHATWG charset name; `fatal`: undefined when the bytes are not valid in it. */
function tryDecode(bytes: Uint8Array, name: string, fatal: boolean): string | undefined {
  if (name === 'windows-1252') {
    // Five bytes are unassigned in windows-1252; a fatal decode refuses them as browsers' decoders do not.
    if (fatal && bytes.some((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d)) return undefined;
    return decodeWindows1252(bytes);
  }
  try {
    return new TextDecoder(name, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether every byte is below 0x80 (a plain loop: `every` with a callback costs over 1 ms on an all-ASCII 180 KB page). */
function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** Multi-byte East Asian charsets: a single-byte label on such bytes is a mislabel worth overriding. */
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'euc-kr', 'gb18030', 'gbk', 'big5', 'iso-2022-jp']);

/**
 * The most likely charset of bytes that are not UTF-8, by statistical detection (chardet), among those
 * the bytes are valid in; windows-1252 when none is (it decodes nearly anything).
 */
function detectCharset(bytes: Uint8Array): { name: string; text: string; confidence: number } {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  let guesses: { name: string; confidence: number }[] = [];
  try {
    guesses = analyseCharset(sample);
  } catch {
    guesses = [];
  }
  for (const guess of guesses) {
    const name = charsetName(guess.name);
    if (!name || name === 'utf-8' || name.startsWith('utf-16')) continue;
    const text = tryDecode(bytes, name, true);
    if (text !== undefined) return { name, text, confidence: guess.confidence };
  }
  return { name: 'windows-1252', text: decodeWindows1252(bytes), confidence: 0 };
}

export interface DecodeOptions {
  /** Look for `<meta charset>` / `http-equiv` in the first 4 KiB. */
  html?: boolean;
  /** Look for the XML declaration's `encoding` (feeds). */
  xml?: boolean;
  /** A charset from outside the bytes (the HTTP Content-Type of a WARC record), trusted above the page's own. */
  charset?: string;
}

/**
 * Decode the bytes of one document. Gzip is unpacked; binary content and oversized files are refused
 * with a reason. The charset comes from the BOM, then the `charset` hint (HTTP header), then the page's
 * `<meta>`, then detection. A declaration the bytes contradict (invalid in the declared charset, or
 * UTF-8 labelled as something else) is overridden with a note naming the guess, never decoded silently.
 */
export function decodeBytes(input: Uint8Array, options: DecodeOptions = {}): DecodeResult {
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
  const done = (text: string, encoding: string): DecodeResult => ({ ok: true, decoded: { text, encoding, notes } });
  // A BOM decides, before the binary check: UTF-16 text is full of zero bytes.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return done(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return done(new TextDecoder(label).decode(bytes.subarray(2)), label);
  }
  const utf16 = options.html || options.xml ? bomlessUtf16(bytes) : undefined;
  if (utf16) {
    const text = tryDecode(bytes, utf16, true);
    if (text !== undefined) return done(text, utf16);
  }
  if (controlShare(bytes) > 0.01) {
    return { ok: false, rule: 'read:binary', reason: 'expecting text, instead found binary content (NUL or control bytes)' };
  }

  const hinted = options.charset ? { label: options.charset, where: 'the HTTP header' } : undefined;
  const head = options.html || options.xml ? new TextDecoder('latin1').decode(bytes.subarray(0, 4096)) : '';
  const meta = options.xml ? /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? declaredCharset(head) : options.html ? declaredCharset(head) : undefined;
  const declaration = hinted ?? (meta ? { label: meta, where: 'the page' } : undefined);
  let declared: string | undefined;
  if (declaration) {
    declared = charsetName(declaration.label);
    if (!declared) notes.push({ rule: 'read:encoding', reason: `${declaration.where} declares charset "${declaration.label}", which is unknown; it was ignored` });
    // A UTF-16 label on bytes without zeros (the page was transcoded and kept its old <meta>) says nothing.
    else if (declared.startsWith('utf-16')) declared = undefined;
  }

  if (isAscii(bytes)) return done(new TextDecoder('utf-8').decode(bytes), declared ?? 'utf-8');
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (declared === undefined || declared === 'utf-8') {
    if (utf8 !== undefined) return done(utf8, 'utf-8');
    const guess = detectCharset(bytes);
    notes.push({
      rule: 'read:encoding',
      reason: declared ? `${declaration!.where} declares UTF-8, but the bytes are not valid UTF-8; encoding guessed as ${guess.name}` : `invalid UTF-8 and no charset declared; encoding guessed as ${guess.name}`,
    });
    return done(guess.text, guess.name);
  }
  // Declared something other than UTF-8.
  if (utf8 !== undefined) {
    notes.push({ rule: 'read:encoding', reason: `${declaration!.where} declares charset "${declaration!.label}", but the bytes are UTF-8; decoded as utf-8` });
    return done(utf8, 'utf-8');
  }
  const strict = tryDecode(bytes, declared, true);
  if (strict !== undefined) {
    if (!MULTI_BYTE.has(declared)) {
      // Single-byte charsets accept (nearly) any bytes, so a CJK page mislabelled as one decodes "fine" as mojibake.
      const guess = detectCharset(bytes);
      if (MULTI_BYTE.has(guess.name) && guess.confidence >= 50) {
        notes.push({ rule: 'read:encoding', reason: `${declaration!.where} declares charset "${declaration!.label}", but the bytes look like ${guess.name}; decoded as ${guess.name}` });
        return done(guess.text, guess.name);
      }
    }
    return done(strict, declared);
  }
  const guess = detectCharset(bytes);
  notes.push({ rule: 'read:encoding', reason: `${declaration!.where} declares charset "${declaration!.label}", but the bytes are not valid ${declared}; encoding guessed as ${guess.name}` });
  return done(guess.text, guess.name);
}

/** UTF-16 without a BOM, told by its zero bytes: every other byte zero in ASCII-heavy markup. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05 && bytes[0] === 0x3c) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05 && bytes[1] === 0x3c) return 'utf-16be';
  return undefined;
}
