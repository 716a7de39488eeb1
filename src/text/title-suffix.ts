// A page title without its " | Site name" tail: shared by clean (a headline repeated atop the body) and describe (the title).
import { squash } from './dom.js';

/** Separators between a headline and a site name in <title>. */
const TITLE_SEPARATOR = /\s+[|–—:·•»-]\s+/;

/**
 * Remove a trailing " | Site" or " – Site" from a page title: always when it is the known outlet name,
 * otherwise only for strong separators and a short tail, so a headline with a dash keeps its second half.
 */
export function stripTitleSuffix(title: string, outlet?: string): string {
  let result = squash(title);
  for (let round = 0; round < 2; round++) {
    const parts = result.split(TITLE_SEPARATOR);
    if (parts.length < 2) break;
    const tail = parts[parts.length - 1]!;
    const head = result.slice(0, result.length - tail.length).replace(/\s+[|–—:·•»-]\s+$/, '');
    const separator = result.slice(head.length, result.length - tail.length).trim();
    const known = outlet !== undefined && tail.toLowerCase().replace(/\W/g, '') === outlet.toLowerCase().replace(/\W/g, '');
    const siteLike = /\.(?:com|org|net|co|news|[a-z]{2})$/i.test(tail);
    const strong = /[|–—·•»]/.test(separator) && tail.split(' ').length <= 4 && head.split(' ').length >= 2;
    if (!(known || siteLike || strong) || !head) break;
    result = head;
  }
  return result;
}

