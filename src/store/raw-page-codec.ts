// How a raw page's HTML is packed for storage: Brotli, which both engines can keep as plain bytes.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** The codec name stored beside each page, so a later codec can read the old ones. */
export const RAW_PAGE_CODEC = 'br';

/** Largest HTML a stored page may unpack to (more than any page the readers accept). */
const MAX_HTML_BYTES = 64 * 1024 * 1024;

/**
 * Brotli quality 4 in text mode: on the extraction dev pages (178 KB of HTML each on average) it keeps
 * 18.5% of the bytes at 1.6 ms of CPU a page; quality 3 keeps 19.4% at 1.1 ms, quality 5 17.3% at about
 * twice the time of 4, deflate level 6 19.8% at four times it (bench raw-pages, 2026-12-03).
 */
export function packHtml(html: string): Buffer {
  const bytes = Buffer.from(html, 'utf8');
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 4,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** The HTML of a stored page. Throws, saying what was expected and what was found, when the bytes are damaged. */
export function unpackHtml(codec: string, bytes: Uint8Array): string {
  if (codec !== RAW_PAGE_CODEC) throw new Error(`expecting a page packed as "${RAW_PAGE_CODEC}", instead found codec "${codec}"`);
  let unpacked: Buffer;
  try {
    unpacked = brotliDecompressSync(bytes, { maxOutputLength: MAX_HTML_BYTES });
  } catch (error) {
    throw new Error(`expecting Brotli data, instead found bytes that do not unpack (${(error as Error).message})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(unpacked);
  } catch {
    throw new Error('expecting UTF-8 HTML, instead found bytes that are not UTF-8');
  }
}
