// Author names from a page's byline strings (meta author, JSON-LD author, Readability's byline): no roles, dates or prompts.
import { squash } from '../text/dom.js';

/** Byline fragments that are prompts or labels, not names. */
const BYLINE_JUNK =
  /\b(?:e-?mail|follow|twitter|facebook|linkedin|instagram|share|subscribe|contact|view all|more (?:from|by|articles|stories)|posts? by|updated|published|writer|editor|correspondent|reporter|contributor|staff)\b|@|https?:|www\./i;

/** Credentials and suffixes that follow a name after a comma ("Rachael Link, MS, RD"). */
const CREDENTIAL = /^(?:[A-Z]{2,4}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3})$/;

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*$/i;

/** Split a byline into author names, dropping "By", roles, credentials, dates and prompts such as "Email the author". */
export function bylineAuthors(byline: string): string[] {
  const names: string[] = [];
  const cleaned = squash(byline)
    .replace(/^(?:written\s+)?by[:\s]+/i, '')
    // A date or a role often follows the name after a dash or a bar ("Jeff Foust — November 18").
    .replace(/\s+[|–—-]\s+.*$/, '')
    .replace(MONTH, '');
  for (const part of cleaned.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\n)\s*/i)) {
    const name = squash(part.replace(/^by[:\s]+/i, ''));
    if (!name || BYLINE_JUNK.test(name) || CREDENTIAL.test(name)) continue;
    // A name has 1..5 words, starts with a letter, and has no digits or sentence punctuation.
    if (name.split(' ').length > 5 || !/^\p{L}/u.test(name) || /\d|[.!?:]\s|[!?]$/u.test(name)) continue;
    if (/^(?:by|the|and|admin|administrator|editorial|staff)$/i.test(name)) continue;
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

