// Stores built with 0, 1 and 2 worker threads are the same: articles, their stories, fields and messages, in the same order; so are prepared HTML and WARC pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seededRandom, tempDir } from '../test/helpers.js';
import { requestRecord, responseRecord, warcFile, warcinfoRecord } from '../test/warc-builder.js';
import { ingest } from './ingest.js';
import { fieldsOf, prepareAll } from './prepare-workers.js';
import { readPaths } from './read/files.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';

const TOPICS = [
  'river flood valley families rescue water governor homes',
  'council budget schools roads teachers heating debate vote',
  'election candidate poll campaign debate voters party rally',
  'storm harbour ships wind coast warning ferry power',
];
const FILLER = 'officials said on monday that the work would go on through the week and more news was expected'.split(' ');

/** 600 articles in stories of a few articles, with copies, a bad line and a title-only item. */
function corpus(): string {
  const random = seededRandom(11);
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    const topic = TOPICS[i % TOPICS.length]!.split(' ');
    const words = Array.from({ length: 120 }, () => (random() < 0.4 ? topic : FILLER)[Math.floor(random() * 8)]!);
    const story = Math.floor(i / 3);
    const text = `${words.join(' ')} story ${story}.\n\nSecond paragraph ${i % 3 === 2 ? story : i} with AP said details.`;
    lines.push(JSON.stringify({ id: `a${i}`, outlet: `Outlet ${i % 7}`, title: `Report ${story} on the ${topic[0]}`, text, published: 1_700_000_000_000 + story * 3_600_000 + (i % 3) * 60_000 }));
    if (i === 300) lines.push('{"broken": ');
    if (i === 400) lines.push(JSON.stringify({ id: 'headline', title: 'Storm warning for the coast tonight' }));
  }
  return `${lines.join('\n')}\n`;
}

function dump(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  const rows = [
    ...db.prepare('SELECT id, item_key, content_hash, title, outlet, published, language, credits, cited, dateline, text, hex(signature) AS s, story_id, messages FROM articles ORDER BY id').all(),
    ...db.prepare('SELECT id, title, article_count, source_count, first_seen, last_seen, centroid, size FROM stories ORDER BY id').all(),
    ...db.prepare('SELECT term, df FROM term_df ORDER BY term').all(),
  ];
  db.close();
  return rows;
}

test('ingest with 0, 1 and 2 worker threads stores the same articles in the same stories', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'corpus.jsonl');
  writeFileSync(input, corpus());
  const dumps: unknown[][] = [];
  for (const workers of [0, 1, 2]) {
    const file = join(dir, `store-${workers}.db`);
    const store = SqliteStore.open(file);
    const summary = await ingest(store, [input], { workers, batchSize: 50 });
    await store.close();
    assert.deepEqual([summary.read, summary.failed], [601, 1], `workers ${workers}`);
    dumps.push(dump(file));
  }
  assert.ok(dumps[0]!.length > 600);
  assert.deepEqual(dumps[1], dumps[0], '1 worker = none');
  assert.deepEqual(dumps[2], dumps[0], '2 workers = none');
});

/**
 * Page `i` of 150 (more than are prepared in-thread before workers start): a story with furniture, and
 * by turns a canonical link and no URL, invalid JSON-LD (a message from the page parse), windows-1252
 * bytes without a charset (a message from decoding), a fragment without <html>, and a page with no body text.
 */
function page(i: number): Buffer {
  const words = 'harbour council ferry storm budget quay vote pier'.split(' ');
  const topic = words[i % words.length]!;
  const paragraphs = Array.from({ length: 3 + (i % 4) }, (_, p) => `<p>Paragraph ${p + 1} of report ${i} on the ${topic}: officials said on Tuesday that the work would go on through the week, and residents asked why.</p>`).join('\n');
  const head = [
    `<title>Report ${i} on the ${topic} | The Example Times</title>`,
    i % 3 === 0 ? `<link rel="canonical" href="https://example.com/news/${i}">` : '',
    i % 5 === 0 ? '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>' : `<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z", "author": {"name": "Jane Doe"}}</script>`,
    '<meta property="og:site_name" content="The Example Times">',
  ].join('\n');
  const body = i % 11 === 0 ? '<nav><a href="/">Home</a></nav>' : `<nav><a href="/">Home</a></nav><article><h1>Report ${i} on the ${topic}</h1>${paragraphs}</article><footer>© The Example Times</footer>`;
  const html = i % 13 === 0 ? `<h1>Fragment ${i}</h1>${paragraphs}` : `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
  // windows-1252 curly quotes: invalid UTF-8, so decoding guesses the encoding and says so.
  return i % 7 === 0 ? Buffer.concat([Buffer.from(html.replace('</body>', ''), 'latin1'), Buffer.from([0x93, 0x51, 0x94]), Buffer.from('</body>', 'latin1')]) : Buffer.from(html, 'utf8');
}

/** Every prepared article of the paths (all stages) with `workers` worker threads, as the fields and input a worker sends back. */
async function preparedFields(paths: string[], workers: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const result of prepareAll(readPaths(paths), workers)) out.push(result.ok ? fieldsOf(result.article) : result.failure);
  return out;
}

test('HTML pages and WARC responses prepared with 0, 1 and 2 worker threads give the same articles and messages', async (t) => {
  const dir = tempDir(t);
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  const records = [warcinfoRecord()];
  for (let i = 0; i < 150; i++) {
    writeFileSync(join(pages, `page-${String(i).padStart(3, '0')}.html`), page(i));
    const url = i % 3 === 0 ? undefined : `https://example.com/read/${i}`;
    if (url) records.push(requestRecord(url));
    records.push(responseRecord({ url: url ?? `https://crawl.example/${i}`, body: page(i), contentType: i % 2 ? 'text/html' : 'text/html; charset=utf-8' }));
  }
  const warc = join(dir, 'pages.warc.gz');
  writeFileSync(warc, warcFile(records, { gzip: true }));
  for (const [label, paths] of [['HTML folder', [pages]], ['WARC', [warc]]] as const) {
    const none = await preparedFields([...paths], 0);
    assert.equal(none.length, 150, label);
    const articles = none as { text: string; title?: string; messages: { rule: string }[] }[];
    // The pages must have gone through the page parse and extraction, or equal outputs would prove nothing.
    assert.ok(articles.filter((a) => a.text.includes('Paragraph 3 of report')).length > 120, `${label}: bodies extracted`);
    assert.ok(articles.every((a) => a.title !== undefined), `${label}: titles`);
    for (const rule of ['describe:json-ld', 'read:encoding']) assert.ok(articles.some((a) => a.messages.some((m) => m.rule === rule)), `${label}: a ${rule} message`);
    assert.deepEqual(await preparedFields([...paths], 1), none, `${label}: 1 worker = none`);
    assert.deepEqual(await preparedFields([...paths], 2), none, `${label}: 2 workers = none`);
  }
});
