// HTML building blocks of the web UI: untrusted text made inert, the page shell, source chips, dates, highlighted text from offsets.
import { escapeHtml } from '../../brief/render-html.js';
import { BIDI_CONTROLS, plainText, shortened } from '../plain-text.js';

/**
 * Untrusted text as inert HTML: escaped, bidi controls shown as their code points, optionally cut to
 * `max` characters (with an ellipsis) so a runaway field cannot swamp a page.
 */
export function text(value: string | null | undefined, max?: number): string {
  if (value === null || value === undefined) return '';
  const shown = max === undefined ? value : shortened(value, max);
  return escapeHtml(shown).replace(BIDI_CONTROLS, (c) => `<span class="ctl" title="invisible control character">U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}</span>`);
}

/** An attribute value from untrusted text (escaped, cut, bidi controls removed). */
export function attr(value: string | null | undefined, max = 300): string {
  return escapeHtml(plainText(value, max));
}

/** A link target from untrusted input: only http(s) URLs, else undefined (shown as text instead). */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `8 Jan 2021, 21:17 UTC` (or `8 Jan 2021` at midnight); the same everywhere, whatever the time zone. */
export function shownTime(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  return h === 0 && m === 0 ? day : `${day}, ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')} UTC`;
}

/** A TimeML date value (`2021-01-06`, `2021-01`, `2021`) as people read it. */
export function shownDate(value: string): string {
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1] ?? day[2]} ${day[1]}`;
  const month = /^(\d{4})-(\d\d)$/.exec(value);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return value;
}

/** A time span `8 Jan 2021 – 9 Jan 2021`, or one time. */
export function shownSpan(first: string | null, last: string | null): string {
  if (!first) return 'undated';
  return last && last !== first ? `${shownTime(first)} – ${shownTime(last)}` : shownTime(first);
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** What a chip needs to know about a source. */
export interface ChipSource {
  ref: number;
  outlet: string;
  title: string | null;
}

/** A file name standing in for a missing outlet (the brief names such a source by the file it was read from). */
const FILE_NAME = /\.(txt|html?|jsonl?|warc|gz|xml)$/i;

/** How a chip names a source: its outlet, or a short form of the file it was read from. */
export function sourceLabel(outlet: string): string {
  if (!FILE_NAME.test(outlet)) return outlet;
  const stem = outlet.replace(/(\.[a-z]+)+$/i, '');
  return stem.length > 14 ? `${stem.slice(0, 12)}…` : stem;
}

/**
 * A source chip: its colour, its number and its outlet, linking to the source list entry.
 * `compact`: colour and number only (column heads), the outlet in the tooltip.
 */
export function chip(source: ChipSource | undefined, ref: number, href = `#source-${ref}`, compact = false): string {
  const hue = ((ref - 1) % 8) + 1;
  const outlet = source ? sourceLabel(source.outlet) : `source ${ref}`;
  const title = source ? `${source.outlet}${source.title ? ` — ${source.title}` : ''}` : `source ${ref}`;
  const name = compact ? '' : ` <span class="untrusted name">${text(outlet, 32)}</span>`;
  return `<a class="chip s${hue}${compact ? ' compact' : ''}" href="${escapeHtml(href)}" title="${attr(title, 200)}"${compact ? ` aria-label="source ${ref}: ${attr(outlet, 60)}"` : ''}><span class="dot" aria-hidden="true"></span><span class="n">${ref}</span>${name}</a>`;
}

export interface Highlight {
  start: number;
  end: number;
  /** The opening tag (already safe HTML); the closing tag is </mark>. */
  open: string;
  /** Of overlapping spans, the one of higher priority is kept (default 0). */
  priority?: number;
}

/**
 * A text with marks at offsets (JavaScript string indices), every piece escaped. A span overlapping one
 * of higher priority is left out; among equals, the one that starts first is kept whole and the next
 * clipped, so the markup always nests.
 */
export function highlighted(value: string, spans: readonly Highlight[]): string {
  const valid = spans.filter((s) => s.end > s.start);
  const top = valid.filter((s) => !valid.some((o) => (o.priority ?? 0) > (s.priority ?? 0) && o.start < s.end && s.start < o.end));
  const sorted = top.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, value.length);
    if (end <= start) continue;
    parts.push(text(value.slice(at, start)), span.open, text(value.slice(start, end)), '</mark>');
    at = end;
  }
  parts.push(text(value.slice(at)));
  return parts.join('');
}

export interface PageOptions {
  title: string;
  body: string;
  /** Which nav entry is the current page. */
  current?: 'stories' | 'api';
  /** Attributes of <main> (already safe HTML). */
  mainAttributes?: string;
  /** Extra <head> lines (already safe HTML). */
  head?: string;
}

/** The page shell: header bar, skip link, main, footer; the stylesheet and script from this server only. */
export function page(options: PageOptions): string {
  const is = (name: PageOptions['current']): string => (options.current === name ? ' aria-current="page"' : '');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${attr(options.title, 120)} · newsfuse</title>`,
    '<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">',
    '<link rel="stylesheet" href="/assets/app.css">',
    '<link rel="alternate" type="application/atom+xml" title="newsfuse stories" href="/api/feeds/stories.atom">',
    '<link rel="alternate" type="application/feed+json" title="newsfuse stories" href="/api/feeds/stories.json">',
    options.head ?? '',
    '<script src="/assets/app.js" defer></script>',
    '</head>',
    '<body>',
    '<a class="skip" href="#content">Skip to content</a>',
    '<header class="bar"><div class="inner">',
    '<a class="brand" href="/"><span class="mark" aria-hidden="true">n</span>newsfuse</a>',
    `<nav aria-label="Main"><a href="/"${is('stories')}>Stories</a><a href="/api/feeds/stories.atom">Feed</a><a href="/api/openapi.json"${is('api')}>API</a></nav>`,
    '</div></header>',
    `<main id="content"${options.mainAttributes ? ` ${options.mainAttributes}` : ''}>`,
    options.body,
    '</main>',
    '<footer class="foot"><p>newsfuse — stories and cross-source briefs from the articles in this store. Every item links back to the sources that carry it.</p><p class="keys">Keys: <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> next and previous story · <kbd>n</kbd> <kbd>p</kbd> next and previous shared passage</p></footer>',
    '</body>',
    '</html>',
  ].join('\n');
}
