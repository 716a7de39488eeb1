// Tests for mapping cleaned text back to the input: every kept character points at itself in the raw text (through the clean stage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../test/helpers.js';
import { seededRandom } from '../../test/seeded-random.js';
import { cleanText } from '../clean/clean.js';
import { SourceMap, SourceMapBuilder } from './source-map.js';

/** Whether cleaned character `c` may stand for raw character `r` (spaces are normalised). */
const standsFor = (c: string, raw: string, at: number): boolean => {
  const r = raw[at] ?? '';
  return c === r || (c === ' ' && /\s/.test(r)) || raw.slice(at, at + 4).normalize('NFC').startsWith(c);
};
/** The raw text as cleaning sees it: invisible characters out, spaces as one. */
const visible = (text: string): string => text.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').normalize('NFC').replace(/\s+/g, ' ');

function assertMapped(raw: string, options: { fromHtml?: boolean } = {}): void {
  const { text, map } = cleanText(raw, options);
  assert.equal(map.length, text.length);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') continue;
    const at = map.toSource(i);
    assert.ok(standsFor(text[i]!, raw, at), `cleaned [${i}] "${text[i]}" maps to raw [${at}] "${raw[at]}"`);
  }
  // Every paragraph maps to a raw range whose collapsed text is the paragraph.
  let offset = 0;
  for (const paragraph of text.split('\n\n')) {
    const [start, end] = map.rangeToSource(offset, offset + paragraph.length);
    assert.equal(visible(raw.slice(start, end)), paragraph.replace(/\s+/g, ' '));
    offset += paragraph.length + 2;
  }
}

test('source map: the seed pages, with furniture lines removed, map back character for character', async () => {
  const dir = SEEDS_DIR;
  for (const name of readdirSync(dir)) assertMapped(await readFile(join(dir, name), 'utf8'));
});

test('source map: CRLF, NBSP, zero-width characters, tabs and decomposed accents', () => {
  const raw = 'Advertisement\r\n\r\n  Caf\u0065\u0301 owners\u00a0said\t\tthe \u200bprices rose sharply on Monday, a spokesman said.\r\nSecond\u00ad line  here.\r\n';
  const { text, map } = cleanText(raw, { fromHtml: true });
  assert.ok(text.includes('Café owners said the prices'));
  const at = text.indexOf('owners');
  assert.equal(raw.slice(...map.rangeToSource(at, at + 'owners'.length)), 'owners');
  const second = text.indexOf('Second');
  assert.equal(raw.slice(...map.rangeToSource(second, second + 'Second line'.length)), 'Second\u00ad line');
  assertMapped(raw, { fromHtml: true });
});

test('source map: random texts of words, spaces, blank lines and furniture keep their characters', () => {
  const random = seededRandom(7);
  const pieces = ['Kim', 'said', 'the', '“talks”', 'Advertisement', 'Café', '\u00a0', '  ', '\t', '\n', '\n\n', '\r\n', '\u200b', 'MOST POPULAR', '.', ','];
  for (let round = 0; round < 200; round++) {
    let raw = '';
    const n = 5 + Math.floor(random() * 60);
    for (let i = 0; i < n; i++) raw += pieces[Math.floor(random() * pieces.length)]! + (random() < 0.6 ? ' ' : '');
    assertMapped(raw);
    assertMapped(raw, { fromHtml: true });
  }
});

test('source map: runs merge and ranges clamp', () => {
  const builder = new SourceMapBuilder();
  builder.copy(0, 3);
  builder.copy(3, 2);
  builder.replace(10, 2);
  const map = builder.build(12);
  assert.equal(map.toSource(4), 4);
  assert.equal(map.toSource(5), 10);
  assert.equal(map.toSource(6), 10);
  assert.deepEqual(map.rangeToSource(1, 4), [1, 4]);
  assert.equal(map.toSource(99), 11, 'the end of the text maps one past the last character');
  assert.deepEqual(SourceMap.identity(5).rangeToSource(2, 4), [2, 4]);
});
