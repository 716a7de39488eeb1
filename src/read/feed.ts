// RSS 2.0 / RSS 1.0 / Atom reader: each feed item -> an article (full content, else a headline with its summary).
import { readFile, stat } from 'node:fs/promises';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import type { ArticleInput, DateCandidate, ReadResult, SourceRef } from '../article.js';
import { decodeBytes, MAX_DOCUMENT_BYTES } from './decode.js';
import { articleFromInput } from './from-input.js';
import { blockText } from '../text/dom-text.js';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Plain text of a feed summary, which is often HTML (escaped or in CDATA). */
export function summaryText(summary: string | null | undefined): string {
  const value = (summary ?? '').trim();
  if (!value) return '';
  if (!/<[a-z!/]/i.test(value)) return value.replace(/[ \t]+/g, ' ');
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${value}</body></html>`);
  return blockText(document.body as never);
}

/** Why the text is not a feed, when it plainly is something else (an HTML page, JSON, no markup). */
function notAFeed(text: string): string | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  const body = start.replace(/^<\?xml[^>]*>\s*/, '').replace(/^(?:<!--[\s\S]*?-->\s*)+/, '');
  if (body.startsWith('<!doctype html') || body.startsWith('<html')) return 'an HTML page';
  if (!body.startsWith('<')) return /^[[{]/.test(body) ? 'JSON' : 'text that is not XML';
  return undefined;
}

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * The first break in the XML's tag structure (a tag closed out of order, an element left open at the end,
 * markup cut short), with its line; undefined when the tags nest. The feed library forgives all of these
 * and would hand back empty items, so they are checked here. Entities are not: feeds in the wild use
 * HTML ones (`&nbsp;`) and are still readable.
 */
export function xmlStructureProblem(xml: string): string | undefined {
  const open: { name: string; at: number }[] = [];
  const skipTo = (from: number, end: string): number => {
    const at = xml.indexOf(end, from);
    return at < 0 ? -1 : at + end.length;
  };
  const element = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"'<]|"[^"]*"|'[^']*')*)(>?)/y;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i)) {
    let next: number;
    if (xml.startsWith('<!--', i)) next = skipTo(i + 4, '-->');
    else if (xml.startsWith('<![CDATA[', i)) next = skipTo(i + 9, ']]>');
    else if (xml.startsWith('<?', i)) next = skipTo(i + 2, '?>');
    else if (xml.startsWith('<!', i)) next = skipTo(i + 2, '>');
    else {
      element.lastIndex = i;
      const m = element.exec(xml);
      if (!m) return `expecting a tag at line ${lineAt(xml, i)}, instead found "${xml.slice(i, i + 20).replace(/\s+/g, ' ')}"`;
      if (m[4] !== '>') return `the tag <${m[1]}${m[2]}> at line ${lineAt(xml, i)} is cut short`;
      const name = m[2]!;
      if (m[1]) {
        const top = open.pop();
        if (!top) return `</${name}> at line ${lineAt(xml, i)} closes nothing`;
        if (top.name !== name) return `expecting </${top.name}> (opened at line ${lineAt(xml, top.at)}), instead found </${name}> at line ${lineAt(xml, i)}`;
      } else if (!m[3]!.trimEnd().endsWith('/')) {
        open.push({ name, at: i });
      }
      next = element.lastIndex;
    }
    if (next < 0) return `markup at line ${lineAt(xml, i)} is never closed (the file may be cut short)`;
    i = next;
  }
  const left = open.pop();
  return left ? `<${left.name}> opened at line ${lineAt(xml, left.at)} is never closed (the file may be cut short)` : undefined;
}

function dateText(value: Date | null): string | undefined {
  return value && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined;
}

/** The article input for one feed item, or a reason when the item has nothing to read. */
export function inputFromItem(item: FeedItem, feed: Feed): ArticleInput | string {
  const title = squash(item.title) || undefined;
  const content = item.content?.trim();
  const summary = summaryText(item.description);
  const dates: DateCandidate[] = [];
  const published = dateText(item.published);
  const updated = dateText(item.updated);
  if (published) dates.push({ kind: 'published', value: published, source: 'feed' });
  if (updated) dates.push({ kind: 'modified', value: updated, source: 'feed' });
  // Atom requires <updated> and makes <published> optional: the update time then stands in.
  if (!published && updated) dates.push({ kind: 'crawled', value: updated, source: 'feed' });
  const authors = item.authors.map((a) => squash(a.name)).filter(Boolean);
  const input: ArticleInput = {
    id: squash(item.id) || undefined,
    url: squash(item.url) || undefined,
    outlet: squash(feed.title) || undefined,
    title,
    language: squash(feed.language).split(/[-_]/)[0]?.toLowerCase() || undefined,
    authors: authors.length ? authors : undefined,
    dates,
    provenance: { outlet: 'feed', url: 'feed' },
  };
  // Full content when the feed carries it (content:encoded, Atom <content>) and it is more than the summary.
  if (content && summaryText(content).length > summary.length) input.html = content;
  else if (summary) input.text = summary;
  if (!input.html && !input.text && !title) return 'expecting a title, a summary or content in the item, instead found none';
  return input;
}

/**
 * Stream the articles of one feed file. Invalid XML, a file that is not a feed (an HTML page) or a feed
 * without items gives one failure naming the file; an item without title or text gives one naming the item.
 */
export async function* readFeed(file: string): AsyncGenerator<ReadResult> {
  const fileSource: SourceRef = { file };
  const fail = (source: SourceRef, rule: string, reason: string): ReadResult => ({ ok: false, failure: { source, rule, reason } });
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > MAX_DOCUMENT_BYTES * 4) {
      yield fail(fileSource, 'read:too-large', `the feed is ${Math.round(size / 1048576)} MiB, larger than a feed can be`);
      return;
    }
    bytes = await readFile(file);
  } catch (error) {
    yield fail(fileSource, 'read:io', (error as Error).message);
    return;
  }
  const decoded = decodeBytes(bytes, { xml: true });
  if (!decoded.ok) {
    yield fail(fileSource, decoded.rule, decoded.reason);
    return;
  }
  const { text, notes } = decoded.decoded;
  const other = notAFeed(text);
  if (other) {
    yield fail(fileSource, 'read:feed', `expecting an RSS or Atom feed, instead found ${other}`);
    return;
  }
  const broken = xmlStructureProblem(text);
  if (broken) {
    yield fail(fileSource, 'read:feed', `expecting an RSS or Atom feed, instead found invalid XML: ${broken}`);
    return;
  }
  let feed: Feed;
  let items: FeedItem[];
  try {
    feed = parseFeed(text);
    items = feed.items;
  } catch (error) {
    const message = (error as Error).message;
    yield fail(fileSource, 'read:feed', /root element|not a feed|invalid feed/i.test(message)
      ? 'expecting an RSS or Atom feed, instead found XML with no <rss>, <rdf:RDF> or <feed> root element'
      : `expecting an RSS or Atom feed, instead found invalid XML (${message.slice(0, 200)})`);
    return;
  }
  if (items.length === 0) {
    yield fail(fileSource, 'read:feed', 'the feed has no items');
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const source: SourceRef = { file, record: i + 1 };
    let input: ArticleInput | string;
    try {
      input = inputFromItem(items[i]!, feed);
    } catch (error) {
      input = `the item cannot be read (${(error as Error).message})`;
    }
    if (typeof input === 'string') {
      yield fail(source, 'read:fields', `item ${i + 1}: ${input}`);
      continue;
    }
    const article = articleFromInput(source, input);
    for (const note of notes) article.message(note.rule, note.reason);
    yield { ok: true, article };
  }
}
