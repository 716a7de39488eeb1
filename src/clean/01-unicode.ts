// Pass 1: normalise characters that vary between outlets but mean the same (line ends, spaces, invisibles).
import { SourceMap, SourceMapBuilder } from '../text/source-map.js';

const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const DROPPED = /[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

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
  // Characters that combine under NFC are normalised per base character with its marks; the
  // output of such a cluster maps to the cluster's first character.
  const cluster = /\P{M}\p{M}*|\p{M}+/gsu;
  for (const match of raw.matchAll(cluster)) {
    const at = match.index;
    const piece = match[0];
    if (piece.length === 1 || (piece.length === 2 && piece.codePointAt(0)! > 0xffff)) {
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
        builder.copy(at, ch.length);
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
  return { text: out, map: builder.build(raw.length) };
}
