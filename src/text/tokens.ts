// Word tokens with their offsets in the text: the unit of shingles, MinHash and passage alignment.
import { repeatMemo } from './turn-memo.js';

export interface Token {
  /** Lower-case form, apostrophes and diacritics folded. */
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
/** Curly apostrophes straight, diacritics off. */
const fold = (lower: string): string => lower.replace(/’/g, "'").normalize('NFKD').replace(/\p{M}/gu, '');

/** The word tokens of a text, in order, with their character spans. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // No token spans a line break: a line met before in this run (copies share most lines) is tokenised once.
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = lineStart === 0 && lineEnd === text.length ? text : text.slice(lineStart, lineEnd);
    const known = lineMemo.sight(line);
    if (typeof known === 'object') {
      for (const token of known) tokens.push({ norm: token.norm, start: token.start + lineStart, end: token.end + lineStart });
    } else {
      const kept: Token[] | undefined = known ? [] : undefined;
      WORD.lastIndex = 0;
      for (let match = WORD.exec(line); match; match = WORD.exec(line)) {
        const lower = match[0].toLowerCase();
        // Folding is needed only beyond ASCII (curly apostrophes, accents); most tokens skip it.
        const norm = NON_ASCII.test(lower) ? fold(lower) : lower;
        const end = match.index + match[0].length;
        tokens.push({ norm, start: match.index + lineStart, end: end + lineStart });
        kept?.push({ norm, start: match.index, end });
      }
      if (kept) lineMemo.set(line, kept);
    }
    lineStart = lineEnd + 1;
  }
  return tokens;
}

const lineMemo = repeatMemo<Token[]>(50_000);

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;
/** Per code point beyond ASCII: 1 letter, 2 number (not letter), 0 neither; looked up once each. */
const unicodeClass = new Map<number, number>();
function classOf(cp: number): number {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) ? 1 : cp >= 48 && cp <= 57 ? 2 : 0;
  let known = unicodeClass.get(cp);
  if (known === undefined) {
    const ch = String.fromCodePoint(cp);
    known = LETTER.test(ch) ? 1 : LETTER_OR_NUMBER.test(ch) ? 2 : 0;
    unicodeClass.set(cp, known);
  }
  return known;
}

/** classOf for ASCII. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classOf(c));

/**
 * The end of WORD's match that starts at `start` (a character classOf does not call 0): letters, marks and
 * numbers, then an optional tail of an apostrophe (straight or curly) and one or more letters ("don't", "Kim’s").
 */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_CLASS[c] === 0) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (classOf(cp) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  const quote = text.charCodeAt(i);
  if ((quote === 39 || quote === 0x2019) && i + 1 < n && classOf(text.codePointAt(i + 1)!) === 1) {
    i++;
    while (i < n) {
      const cp = text.codePointAt(i)!;
      if (classOf(cp) !== 1) break;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return i;
}

/**
 * `tokenize(text).map((t) => t.norm)`, without the spans: what fingerprints of whole texts need. WORD's
 * matches found by a hand scan over code points (the Unicode regular expression is the slow part of tokenize).
 */
export function tokenNorms(text: string): string[] {
  const norms: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let cp: number;
    // ASCII, most of the text, is classed by a table without reading code points.
    if (c < 128) {
      if (ASCII_CLASS[c] === 0) {
        i++;
        continue;
      }
    } else if (classOf((cp = text.codePointAt(i)!)) === 0) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i = wordEnd(text, i);
    const lower = text.slice(start, i).toLowerCase();
    norms.push(NON_ASCII.test(lower) ? fold(lower) : lower);
  }
  return norms;
}

/** FNV-1a, 32-bit: fast, well-spread hashes of short strings (tokens). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: mixes a 32-bit value so that nearby inputs land far apart. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of every run of `size` consecutive tokens (word shingles), in order; one shingle for shorter texts. */
export function shingleHashes(tokens: readonly Token[], size: number): Uint32Array {
  return normShingleHashes(tokens.map((token) => token.norm), size);
}

/** `shingleHashes` of the tokens whose norms these are. */
export function normShingleHashes(norms: readonly string[], size: number): Uint32Array {
  return idShingleHashes(Uint32Array.from(norms, hashString), size);
}

/** `normShingleHashes` of the norms whose `hashString` values these are. */
export function idShingleHashes(ids: Uint32Array, size: number): Uint32Array {
  if (ids.length === 0) return new Uint32Array(0);
  const count = Math.max(1, ids.length - size + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    const end = Math.min(i + size, ids.length);
    for (let j = i; j < end; j++) h = mix32(h ^ ids[j]!) + j - i;
    out[i] = h >>> 0;
  }
  return out;
}

/** A text's token norms as `tokenNormHashes` gives them: no string per token. */
export interface NormHashes {
  /** `hashString` of each norm, in order. */
  ids: Uint32Array;
  /** The UTF-8 bytes of the norms joined by single spaces (`tokenNorms(text).join(' ')`). */
  joined: Uint8Array;
}

let joinedBuffer = new Uint8Array(1 << 16);
let idBuffer = new Uint32Array(1 << 14);
const encoder = new TextEncoder();

/** Room for `more` bytes after `used` in the joined buffer. */
function joinedRoom(used: number, more: number): void {
  if (used + more <= joinedBuffer.length) return;
  const grown = new Uint8Array(Math.max(joinedBuffer.length * 2, used + more));
  grown.set(joinedBuffer.subarray(0, used));
  joinedBuffer = grown;
}

/**
 * `tokenNorms(text)` as the norms' hashes and their joined UTF-8 bytes, without a string per token: an
 * ASCII token (most of them) is lower-cased, hashed and copied char by char; others take tokenNorms's own path.
 * The arrays are views of buffers reused by the next call: copy what must outlive it.
 */
export function tokenNormHashes(text: string): NormHashes {
  const n = text.length;
  // Tokens are separated by at least one character: at most (n + 1) / 2 of them.
  if (idBuffer.length < (n >> 1) + 1) idBuffer = new Uint32Array((n >> 1) + 1);
  joinedRoom(0, n + 1);
  const ids = idBuffer;
  let count = 0;
  let used = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let cp: number;
    if (c < 128) {
      if (ASCII_CLASS[c] === 0) {
        i++;
        continue;
      }
    } else if (classOf((cp = text.codePointAt(i)!)) === 0) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    if (count > 0) joinedBuffer[used++] = 32;
    const mark = used;
    // First as ASCII (most tokens): lower-cased (A-Z to a-z), hashed (FNV-1a as hashString) and copied (one
    // UTF-8 byte per char) in one pass; a letter or number beyond ASCII sends the token to the general path.
    let hash = 0x811c9dc5;
    let ascii = true;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c >= 128 || ASCII_CLASS[c] === 0) break;
      if (c <= 90 && c >= 65) c += 32;
      hash = Math.imul(hash ^ c, 0x01000193);
      joinedBuffer[used++] = c;
    }
    if (i < n && c >= 128 && classOf(text.codePointAt(i)!) !== 0) ascii = false;
    else if (c === 39 && i + 1 < n && classOf(text.codePointAt(i + 1)!) === 1) {
      // WORD's tail after a straight apostrophe: letters only.
      hash = Math.imul(hash ^ 39, 0x01000193);
      joinedBuffer[used++] = 39;
      for (i++; i < n; i++) {
        c = text.charCodeAt(i);
        if (c >= 128 || ASCII_CLASS[c] !== 1) break;
        if (c <= 90) c += 32;
        hash = Math.imul(hash ^ c, 0x01000193);
        joinedBuffer[used++] = c;
      }
      if (i < n && c >= 128 && classOf(text.codePointAt(i)!) === 1) ascii = false;
    } else if (c === 0x2019 && i + 1 < n && classOf(text.codePointAt(i + 1)!) === 1) ascii = false;
    if (ascii) {
      ids[count++] = hash >>> 0;
      continue;
    }
    // The general path, as tokenNorms, from the token's start.
    used = mark;
    i = wordEnd(text, start);
    const lower = text.slice(start, i).toLowerCase();
    const norm = NON_ASCII.test(lower) ? fold(lower) : lower;
    ids[count++] = hashString(norm);
    // UTF-8 takes at most 3 bytes per UTF-16 unit; the room for the rest of the text stays reserved.
    joinedRoom(used, norm.length * 3 + (n - i) + 1);
    used += encoder.encodeInto(norm, joinedBuffer.subarray(used)).written;
  }
  return { ids: ids.subarray(0, count), joined: joinedBuffer.subarray(0, used) };
}
