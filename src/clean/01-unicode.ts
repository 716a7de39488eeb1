// Pass 1: normalise characters that vary between outlets but mean the same (line ends, spaces, invisibles).
import { SourceMap, SourceMapBuilder } from '../text/source-map.js';

/** What a code unit is to this pass: kept as is, a space (to U+0020), dropped, or a carriage return. */
const KEEP = 0;
const SPACE = 1;
const DROP = 2;
const CR = 3;

function kindOf(c: number): number {
  if (c < 0x20) return c === 0x0a || c === 0x09 ? KEEP : c === 0x0d ? CR : DROP;
  if (c < 0x7f) return KEEP;
  if (c === 0x7f || c === 0xad) return DROP;
  if (c === 0xa0) return SPACE;
  if (c < 0x2000) return KEEP;
  if (c <= 0x200a || c === 0x202f || c === 0x205f || c === 0x3000) return SPACE;
  if (c <= 0x200d || c === 0x2060 || c === 0xfeff) return DROP;
  return KEEP;
}

const MARK = /^\p{M}$/u;
/** Whether each BMP code point is a combining mark (\p{M}): 0 not yet asked, 1 no, 2 yes; filled as met. */
let markTable: Uint8Array | undefined;

/** Whether a code point is a combining mark (none is below U+0300). */
function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp > 0xffff) return MARK.test(String.fromCodePoint(cp));
  markTable ??= new Uint8Array(0x10000);
  let known = markTable[cp]!;
  if (known === 0) markTable[cp] = known = MARK.test(String.fromCharCode(cp)) ? 2 : 1;
  return known === 2;
}

/** A character that is not printable ASCII, tab, line feed or one of the others below U+0300 that the pass keeps. */
const NOTABLE = /[^\t\n\x20-\x7e\x80-\x9f\xa1-\xac\xae-\u02ff]/g;
/** A character the pass changes by itself (kindOf is not KEEP). */
const CHANGED = /[\x00-\x08\x0b-\x1f\x7f\xa0\xad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/;

/** Zero-width characters and the soft hyphen, dropped inside a mark cluster before it is composed. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Line ends to \n, NBSP and other spaces to a plain space, zero-width characters and controls removed, NFC. */
export function normalizeUnicode(text: string): string {
  return normalize(text, undefined);
}

/** `normalizeUnicode`, with the map of every output character back to the input. */
export function normalizeUnicodeMapped(raw: string): { text: string; map: SourceMap } {
  const builder = new SourceMapBuilder();
  const text = normalize(raw, builder);
  return { text, map: text === raw && builder.isEmpty() ? SourceMap.identity(raw.length) : builder.build(raw.length) };
}

/**
 * The pass, writing the map into `builder` when given (left empty when the text is returned as is).
 * Texts of plain characters (no control, no character the pass changes, nothing from U+0300 up) are
 * returned after one scan. Otherwise the characters the pass changes and each base character with its
 * combining marks are looked at one by one (a cluster is normalised by itself, its output mapping to its
 * first character) and the runs between them copied whole; a text that needs no change at all but has
 * characters from U+0300 up is returned as is when it is already NFC.
 */
function normalize(raw: string, builder: SourceMapBuilder | undefined): string {
  NOTABLE.lastIndex = 0;
  if (!NOTABLE.test(raw)) return raw;
  const first = NOTABLE.lastIndex - 1;
  if (!CHANGED.test(raw) && raw.normalize('NFC') === raw) return raw;
  const n = raw.length;
  let out = '';
  let last = 0;
  const copyTo = (end: number): void => {
    if (end > last) {
      out += raw.slice(last, end);
      builder?.copy(last, end - last);
    }
  };
  // Everything before a notable character is kept as it is, but the character just before a mark
  // starts its cluster (nothing below U+0300 is a mark).
  let i = first > 0 ? first - 1 : 0;
  while (i < n) {
    NOTABLE.lastIndex = i;
    if (!NOTABLE.test(raw)) break;
    let at = NOTABLE.lastIndex - 1;
    const c0 = raw.charCodeAt(at);
    if (at > i && c0 >= 0x300 && isMark(c0 >= 0xd800 && c0 <= 0xdbff ? raw.codePointAt(at)! : c0)) at--;
    const c = raw.charCodeAt(at);
    const cp = c >= 0xd800 && c <= 0xdbff ? raw.codePointAt(at)! : c;
    let end = at + (cp > 0xffff ? 2 : 1);
    if (isMark(cp) || (end < n && raw.charCodeAt(end) >= 0x300 && isMark(raw.codePointAt(end)!))) {
      while (end < n) {
        const next = raw.codePointAt(end)!;
        if (!isMark(next)) break;
        end += next > 0xffff ? 2 : 1;
      }
      i = end;
      if (end - at === 1) continue; // a lone mark of one code unit is kept as it is
      copyTo(at);
      const piece = raw.slice(at, end);
      const composed = piece.replace(ZERO_WIDTH, '').normalize('NFC');
      out += composed;
      if (composed === piece) builder?.copy(at, piece.length);
      else builder?.replace(at, composed.length);
      last = end;
      continue;
    }
    i = end;
    const kind = cp > 0xffff ? KEEP : kindOf(c);
    if (kind === KEEP) continue;
    copyTo(at);
    last = end;
    if (kind === SPACE) {
      out += ' ';
      builder?.copy(at, 1);
    } else if (kind === CR && raw.charCodeAt(end) !== 0x0a) {
      out += '\n';
      builder?.replace(at, 1);
    }
  }
  copyTo(n);
  return out;
}
