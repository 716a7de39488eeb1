// Property tests (fast-check): random bytes and random mutations of real pages, feeds and WARC records, fed to every reader: no throw, no hang, a message for what cannot be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { ReadResult } from '../article.js';
import { prepare } from '../pipeline.js';
import { SHARED_DATA_DIR, tempDir } from '../../test/helpers.js';
import { requestRecord, responseRecord, warcFile, warcinfoRecord } from '../../test/warc-builder.js';
import { decodeBytes } from './decode.js';
import { readDocument, readPaths } from './files.js';

const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: delegates heard the leader call for stronger ties with other countries, KCNA said on Friday.</p>`).join('');

/**
 * A real page: the first extraction dev page when ../shared/data is there (read, never copied), else a
 * news page with the usual furniture, JSON-LD and meta tags.
 */
const PAGE_HTML = (() => {
  const dir = join(SHARED_DATA_DIR, 'extraction', 'html');
  if (existsSync(dir)) {
    const name = readdirSync(dir).filter((n) => n.endsWith('.html.gz')).sort()[0];
    if (name) return gunzipSync(readFileSync(join(dir, name)));
  }
  return Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kim calls for ties | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2021-01-08T10:17:00+09:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kim calls for ties","author":{"name":"Choi Si-young"},"dateModified":"2021-01-08T12:00:00+09:00"}</script>
</head><body><nav><a href="/">Home</a><a href="/world">World</a></nav><div class="cookie-banner">We use cookies.</div>
<article><h1>Kim calls for ties</h1><div class="share">Share on Facebook</div>${paragraphs}<div class="related"><ul><li><a href="/a">Related one</a></li><li><a href="/b">Related two</a></li></ul></div></article>
<aside>Most popular</aside><footer>Copyright Example News</footer></body></html>`);
})();

const FEED = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example</title>
<item><title>First item</title><link>https://x.example/1</link><pubDate>Fri, 08 Jan 2021 10:17:00 +0900</pubDate><description>Summary one.</description><content:encoded><![CDATA[<p>Body of the first item, a paragraph.</p>]]></content:encoded></item>
<item><title>Second item</title><link>https://x.example/2</link><description>Summary two.</description></item>
</channel></rss>`);

const WARC_RECORDS = [
  warcinfoRecord(),
  requestRecord('https://x.example/a'),
  responseRecord({ url: 'https://x.example/a', body: PAGE_HTML.subarray(0, 20000) }),
  responseRecord({ url: 'https://x.example/b', body: '<html><body><p>Second page with some text.</p></body></html>' }),
];

/** A mutation of bytes: flip, insert, delete or truncate at random places. */
const mutation = (length: number) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(Math.max(0, length - 1)), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(length), bytes: fc.uint8Array({ maxLength: 16 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(length), count: fc.integer({ min: 1, max: 64 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(length) }),
    ),
    { minLength: 1, maxLength: 6 },
  );

type Mutation = { kind: 'flip'; at: number; value: number } | { kind: 'insert'; at: number; bytes: Uint8Array } | { kind: 'delete'; at: number; count: number } | { kind: 'truncate'; at: number };

function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.min(m.at, out.length);
    if (m.kind === 'flip' && out.length > 0) out[Math.min(at, out.length - 1)] = m.value;
    else if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
    else if (m.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.count)]);
    else if (m.kind === 'truncate') out = out.subarray(0, at);
  }
  return out;
}

/** Every result is an article or a failure with a rule and a reason; articles survive the stages. */
function checkResults(results: ReadResult[], file: string): void {
  assert.ok(results.length >= 1, `${file}: at least one result (an article or a message)`);
  for (const result of results) {
    if (result.ok) {
      const article = prepare(result.article, ['clean', 'describe']);
      assert.equal(typeof article.text, 'string');
      assert.ok(!article.messages.some((m) => /:crash$/.test(m.rule)), JSON.stringify(article.messages));
    } else {
      assert.match(result.failure.rule, /^read:/);
      assert.ok(result.failure.reason.length > 0);
      assert.equal(result.failure.source.file, file);
    }
  }
}

async function readAll(file: string): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readPaths([file])) out.push(r);
  return out;
}

const RUNS = { numRuns: 25, seed: 20261202 };

test('property: decodeBytes never throws on random bytes, and always gives text or a reason', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), fc.option(fc.constantFrom('utf-8', 'shift_jis', 'windows-1252', 'x-bogus', 'utf-16le'), { nil: undefined }), (bytes, html, charset) => {
      const result = decodeBytes(bytes, { html, charset });
      if (result.ok) assert.equal(typeof result.decoded.text, 'string');
      else assert.ok(result.reason.length > 0);
    }),
    { numRuns: 200, seed: 20261202 },
  );
});

for (const [kind, name, bytes] of [
  ['html', 'page.html', PAGE_HTML],
  ['feed', 'feed.rss', FEED],
  ['warc', 'crawl.warc', warcFile(WARC_RECORDS)],
  ['warc.gz', 'crawl.warc.gz', warcFile(WARC_RECORDS, { gzip: true })],
] as const) {
  test(`property: the ${kind} reader on random mutations of a real ${kind}: no throw, no hang, a message for what cannot be read`, async (t) => {
    const dir = tempDir(t);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(mutation(bytes.length), async (mutations) => {
        const file = join(dir, `${round++}-${name}`);
        writeFileSync(file, mutate(bytes, mutations as Mutation[]));
        checkResults(await readAll(file), file);
      }),
      RUNS,
    );
  });

  test(`property: the ${kind} reader on random bytes: a message, never a throw`, async (t) => {
    const dir = tempDir(t);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (random) => {
        const file = join(dir, `${round++}-${name}`);
        writeFileSync(file, random);
        checkResults(await readAll(file), file);
      }),
      { numRuns: 15, seed: 20261202 },
    );
  });
}

test('property: readDocument on random text (valid UTF-8 strings) as HTML never throws', async (t) => {
  const dir = tempDir(t);
  let round = 0;
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 500, unit: 'grapheme' }), async (text) => {
      const file = join(dir, `${round++}.html`);
      writeFileSync(file, `<html><body>${text}</body></html>`);
      const result = await readDocument(file, 'html');
      checkResults([result], file);
    }),
    { numRuns: 30, seed: 20261202 },
  );
});
