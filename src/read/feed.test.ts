// Tests of the feed reader: RSS 2.0 and Atom items -> articles (content, else headline + summary), and bad feeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, ReadResult } from '../article.js';
import { prepare } from '../pipeline.js';
import { runCli, tempDir } from '../../test/helpers.js';
import { readFeed } from './feed.js';
import { kindOf } from './files.js';

async function collect(file: string): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const result of readFeed(file)) out.push(result);
  return out;
}

const articlesOf = (results: ReadResult[]): Article[] => results.flatMap((r) => (r.ok ? [prepare(r.article, ['clean', 'describe'])] : []));

const paragraphs = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1}: delegates at the party congress heard the leader call for stronger ties with other countries on the third day.</p>`).join('');

export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Korea Example</title>
  <link>https://korea.example/</link>
  <language>en-us</language>
  <item>
    <title>Kim calls for expanding external relations</title>
    <link>https://korea.example/news/1</link>
    <guid>https://korea.example/news/1</guid>
    <pubDate>Fri, 08 Jan 2021 10:17:00 +0900</pubDate>
    <dc:creator>Choi Si-young</dc:creator>
    <description>Leader calls for ties at the congress.</description>
    <content:encoded><![CDATA[${paragraphs}]]></content:encoded>
  </item>
  <item>
    <title>Party congress enters its fourth day</title>
    <link>https://korea.example/news/2</link>
    <pubDate>Sat, 09 Jan 2021 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;The congress &lt;b&gt;continued&lt;/b&gt; on Saturday in Pyongyang.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Headline only, no summary</title>
    <link>https://korea.example/news/3</link>
  </item>
  <item><description></description></item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Example News</title>
  <id>urn:example:feed</id>
  <updated>2021-01-09T00:00:00Z</updated>
  <entry>
    <title>Kim vows to bolster defense</title>
    <id>urn:example:1</id>
    <link rel="alternate" href="https://atom.example/a/1"/>
    <published>2021-01-07T01:00:00Z</published>
    <updated>2021-01-07T06:30:00Z</updated>
    <author><name>Jane Reporter</name></author>
    <content type="html">${paragraphs.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content>
  </entry>
  <entry>
    <title>An entry with only an update time</title>
    <id>urn:example:2</id>
    <link href="https://atom.example/a/2"/>
    <updated>2021-01-08T12:00:00Z</updated>
    <summary>A short summary of the entry.</summary>
  </entry>
</feed>`;

test('kindOf reads .rss, .atom and .xml (also .gz) as feeds', () => {
  for (const name of ['news.rss', 'news.atom', 'feed.xml', 'feed.xml.gz', 'index.rdf']) assert.equal(kindOf(name), 'feed', name);
});

test('RSS 2.0: content:encoded is the body; link, publish time, author and the feed title as outlet', async (t) => {
  const file = join(tempDir(t), 'korea.rss');
  writeFileSync(file, RSS);
  const results = await collect(file);
  const articles = articlesOf(results);
  assert.equal(articles.length, 3);
  const [full, summary, headline] = articles;
  assert.equal(full!.title, 'Kim calls for expanding external relations');
  assert.equal(full!.url, 'https://korea.example/news/1');
  assert.equal(full!.outlet, 'The Korea Example');
  assert.equal(full!.provenance.outlet, 'feed');
  assert.equal(full!.published, '2021-01-08T01:17:00.000Z');
  assert.equal(full!.provenance.published, 'feed');
  assert.deepEqual(full!.authors, ['Choi Si-young']);
  assert.equal(full!.language, 'en');
  assert.equal(full!.text.split('\n\n').length, 4);
  assert.match(full!.text, /^Paragraph 1: delegates/);
  assert.equal(full!.source.record, 1);
  // No content: title + the summary's text (its HTML unescaped and stripped).
  assert.equal(summary!.title, 'Party congress enters its fourth day');
  assert.equal(summary!.text, 'The congress continued on Saturday in Pyongyang.');
  // Neither content nor summary: a headline-only item.
  assert.equal(headline!.title, 'Headline only, no summary');
  assert.equal(headline!.text, '');
  // The empty item: one failure naming the item.
  const failures = results.flatMap((r) => (r.ok ? [] : [r.failure]));
  assert.equal(failures.length, 1);
  assert.equal(failures[0]!.source.record, 4);
  assert.match(failures[0]!.reason, /item 4: expecting a title, a summary or content/);
});

test('Atom: <content> is the body; published and updated kept apart; an entry with only <updated> has it stand in', async (t) => {
  const file = join(tempDir(t), 'news.atom');
  writeFileSync(file, ATOM);
  const [first, second] = articlesOf(await collect(file));
  assert.equal(first!.outlet, 'Atom Example News');
  assert.equal(first!.url, 'https://atom.example/a/1');
  assert.equal(first!.published, '2021-01-07T01:00:00.000Z');
  assert.equal(first!.updated, '2021-01-07T06:30:00.000Z');
  assert.deepEqual(first!.authors, ['Jane Reporter']);
  assert.match(first!.text, /Paragraph 4: delegates/);
  assert.equal(second!.published, '2021-01-08T12:00:00.000Z');
  assert.equal(second!.text, 'A short summary of the entry.');
});

test('bad feeds: invalid XML, an HTML page, JSON, no items: one failure each naming the file, no crash', async (t) => {
  const dir = tempDir(t);
  const cases: Record<string, string> = {
    'broken.rss': '<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>Unclosed',
    'page.rss': '<!doctype html><html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>',
    'data.xml': '{"items": []}',
    'empty-channel.rss': '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>',
    'other.xml': '<?xml version="1.0"?><catalog><book>One</book></catalog>',
  };
  for (const [name, text] of Object.entries(cases)) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const results = await collect(file);
    assert.ok(results.length >= 1, `${name}: a result`);
    const failures = results.flatMap((r) => (r.ok ? [] : [r.failure]));
    if (name === 'broken.rss' && failures.length === 0) {
      // A lenient parser may recover the unclosed item; then it must still be an article, not a crash.
      assert.ok(results.every((r) => r.ok));
      continue;
    }
    assert.equal(failures.length, 1, `${name}: one failure, got ${JSON.stringify(results.map((r) => (r.ok ? 'article' : r.failure.reason)))}`);
    assert.equal(failures[0]!.source.file, file);
    assert.equal(failures[0]!.rule, 'read:feed');
  }
  const html = (await collect(join(dir, 'page.rss')))[0]!;
  assert.match(!html.ok ? html.failure.reason : '', /expecting an RSS or Atom feed, instead found an HTML page/);
});

test('a feed in ISO-8859-1 (XML declaration) decodes correctly', async (t) => {
  const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9 Zeitung</title><item><title>M\u00fcnchen feiert</title><description>Die Stadt feiert das Fest mit vielen G\u00e4sten.</description></item></channel></rss>`;
  const file = join(tempDir(t), 'latin.rss');
  writeFileSync(file, Buffer.from(xml, 'latin1'));
  const [article] = articlesOf(await collect(file));
  assert.equal(article!.outlet, 'Café Zeitung');
  assert.equal(article!.title, 'München feiert');
  assert.ok(!article!.messages.some((m) => m.rule === 'read:encoding'), JSON.stringify(article!.messages));
});

test('extract and ingest take feeds: one line per item, the item named in messages', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'korea.rss'), RSS);
  writeFileSync(join(dir, 'page.xml'), '<html><body>not a feed</body></html>');
  const extract = await runCli(['extract', dir, '--format', 'jsonl']);
  assert.equal(extract.code, 0, extract.stderr);
  const rows = extract.stdout.trim().split('\n').map((l) => JSON.parse(l) as { record: number; outlet: string });
  assert.deepEqual(rows.map((r) => r.record), [1, 2, 3]);
  assert.match(extract.stderr, /korea\.rss#4: item 4: expecting a title/);
  assert.match(extract.stderr, /page\.xml: expecting an RSS or Atom feed, instead found an HTML page \[read:feed\]/);
  const ingest = await runCli(['ingest', dir, '--db', join(tempDir(t), 'store.db')]);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.match(ingest.stderr, /read 3, new 3, duplicate 0, failed 2/);
});
