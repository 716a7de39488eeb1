// Pass 1: normalise characters that vary between outlets but mean the same (line ends, spaces, invisibles).
import { SourceMap, SourceMapBuilder } from '../text/source-map.js';

const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const DROPPED = /[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** What the mapped pass must look at: a base character with marks, lone marks, or a character it changes. */
const SPECIAL = /\P{M}\p{M}+|\p{M}+|[\r\u00a0\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

/** Line ends to \n, NBSP and other spaces to a plain space, zero-width characters and controls removed, NFC. */
export function normalizeUnicode(text: string): string {
  return normalizeUnicodeMapped(text).text;
}

/** `normalizeUnicode`, with the map of every output character back to the input. */
export function normalizeUnicodeMapped(raw: string): { text: string; map: SourceMap } {
  const simple = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (simple === raw && raw.normalize('NFC') === raw) return { text: raw, map: SourceMap.identity(raw.length) };
  const builder = new SourceMapBuilder();
  let out = '';
  // Only characters that change, and characters with combining marks (normalised per base character
  // with its marks; the output of such a cluster maps to the cluster's first character), are looked
  // at one by one; the runs between them are copied whole.
  let last = 0;
  for (const match of raw.matchAll(SPECIAL)) {
    const at = match.index;
    if (at > last) {
      out += raw.slice(last, at);
      builder.copy(last, at - last);
    }
    const piece = match[0];
    last = at + piece.length;
    if (piece.length === 1) {
      const ch = piece;
      if (ch === '\r') {
        if (raw[at + 1] === '\n') continue;
        out += '\n';
        builder.replace(at, 1);
      } else if (SPACES.test(ch)) {
        out += ' ';
        builder.copy(at, 1);
      } else if (DROPPED.test(ch)) {
        continue;
      } else {
        out += ch;
        builder.copy(at, 1);
      }
      continue;
    }
    const composed = piece.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').normalize('NFC');
    if (composed === piece) {
      out += piece;
      builder.copy(at, piece.length);
    } else {
      out += composed;
      builder.replace(at, composed.length);
    }
  }
  if (last < raw.length) {
    out += raw.slice(last);
    builder.copy(last, raw.length - last);
  }
  return { text: out, map: builder.build(raw.length) };
}
