// The fast clean passes equal the passes as first written (test/clean-reference.ts): generated texts, and every dev text when ../shared/data is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { needsSharedData, SHARED_DATA_DIR } from '../../test/helpers.js';
import { referenceCleanText, referenceIsBylineLine, referenceIsNoiseLine, referenceIsBodyLine, referenceNormalizeUnicodeMapped } from '../../test/clean-reference.js';
import { parseCsvRecords } from '../../eval/csv.js';
import { readPaths } from '../read/files.js';
import { normalizeUnicode, normalizeUnicodeMapped } from './01-unicode.js';
import { isNoiseLine } from './02-lines.js';
import { isBodyLine } from './03-head.js';
import { isBylineLine } from './05-date-lines.js';
import { clean, cleanText } from './clean.js';
import { Article } from '../article.js';

/** Same text, head lines, removed lines and source map (every run), with and without the HTML flag. */
function assertSameClean(raw: string, label: string): void {
  for (const fromHtml of [false, true]) {
    const expected = referenceCleanText(raw, { fromHtml });
    const actual = cleanText(raw, { fromHtml });
    assert.equal(actual.text, expected.text, `${label} (fromHtml ${fromHtml}): text`);
    assert.deepEqual(actual.headLines, expected.headLines, `${label} (fromHtml ${fromHtml}): head lines`);
    assert.deepEqual(actual.removed, expected.removed, `${label} (fromHtml ${fromHtml}): removed lines`);
    assert.deepEqual(actual.map, expected.map, `${label} (fromHtml ${fromHtml}): source map`);
  }
  const unicode = referenceNormalizeUnicodeMapped(raw);
  assert.equal(normalizeUnicode(raw), unicode.text, `${label}: normalizeUnicode`);
  assert.deepEqual(normalizeUnicodeMapped(raw).map, unicode.map, `${label}: normalizeUnicodeMapped map`);
  const lean = new Article({ file: label }, { text: raw });
  clean(lean, { sourceMap: false });
  assert.equal(lean.text, referenceCleanText(raw).text, `${label}: clean without the map`);
}

/** Pieces texts are built from: words, sentence ends, line ends, every character the Unicode pass treats specially, marks, separators. */
const PIECES = [
  'The', 'minister', 'said', 'on', 'Monday', 'Advertisement', 'SUBSCRIBE', 'Share this article', 'Read more', 'By Jane Doe', 'by JANE DOE |', 'BY\u00a0Ann Lee and Bo Ma -', ' bY\tZoë', 'Byron', 'by',
  'Updated: Sat 8:31 PM, Feb 17, 2018', 'tg/rs (AP, Reuters)', '(KCNA-Yonhap)', 'Publish Date: 08 January 2021', '12 March 2019',
  '.', '!', '?', '"', '”', '’', "'", ')', '。', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u2009', '\u202f', '\u3000',
  '\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u0000', '\u0007', '\u000b', '\u000c', '\u001f', '\u007f', '\u0085', '\u1680',
  '\u2028', '\u0301', '\u0327', '\u0323', '\u0340', '\u0344', '\u20e3', '\ufe0f', 'e\u0301', 'A\u030a', '\u1100\u1161', '\u2126',
  '\ud834\udd65', '\ud83d\ude00', '\ud800', '\udc00', '|', '»', '›', '>', '•', '·', ':', '-', '«', '‹', '<', '©', 'café', 'Ångström',
];
const textArb = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 80 }).map((parts) => parts.join(''));
/** Article-like texts: lines of words long enough to be body lines, with furniture and specials between. */
const articleArb = fc
  .array(fc.oneof(fc.array(fc.constantFrom(...PIECES.slice(0, 6), ' ', ' ', ',', '\u00a0'), { minLength: 10, maxLength: 40 }).map((w) => w.join(' ') + '.'), textArb), { maxLength: 20 })
  .map((lines) => lines.join('\n'));

test('property: the fast passes equal the reference on generated texts', () => {
  fc.assert(fc.property(fc.oneof(textArb, articleArb), (raw) => assertSameClean(raw, JSON.stringify(raw))), { numRuns: 3000 });
});

test('property: line predicates equal the reference', () => {
  fc.assert(
    fc.property(textArb, (line) => {
      assert.equal(isNoiseLine(line), referenceIsNoiseLine(line));
      assert.equal(isBodyLine(line), referenceIsBodyLine(line));
      assert.equal(isBylineLine(line), referenceIsBylineLine(line));
    }),
    { numRuns: 3000 },
  );
});

/** Every text of the dev sets (and of `NEWSFUSE_CLEAN_CORPUS`, JSONL files with a `text` field, comma-separated). */
function devTexts(): { label: string; text: string }[] {
  const texts: { label: string; text: string }[] = [];
  const jsonl = (path: string, pick: (r: Record<string, unknown>) => unknown[]): void => {
    if (!existsSync(path)) return;
    readFileSync(path, 'utf8').split('\n').filter(Boolean).forEach((line, i) => {
      for (const t of pick(JSON.parse(line) as Record<string, unknown>)) if (typeof t === 'string') texts.push({ label: `${path}:${i + 1}`, text: t });
    });
  };
  const d = SHARED_DATA_DIR;
  jsonl(join(d, 'ecbplus', 'ecbplus-dev.jsonl'), (r) => [r.text]);
  jsonl(join(d, 'quotes', 'polnear-dev.jsonl'), (r) => [r.text]);
  jsonl(join(d, 'entities', 'meantime-dev.jsonl'), (r) => [r.text]);
  jsonl(join(d, 'msrp', 'msrp-train.jsonl'), (r) => [r.a, r.b]);
  jsonl(join(d, 'conflicts', 'ecbplus-dev-stories.jsonl'), (r) => ((r.articles as { text: unknown }[]) ?? []).map((a) => a.text));
  jsonl(join(d, 'neus', 'neus-val.jsonl'), (r) => [
    ...((r.documents as { text: unknown; title: unknown }[]) ?? []).flatMap((doc) => [doc.text, doc.title]),
    (r.summary as { text?: unknown } | undefined)?.text,
  ]);
  const sts = join(d, 'sts22', 'pairs-dev.csv');
  if (existsSync(sts)) parseCsvRecords(readFileSync(sts, 'utf8')).forEach((r, i) => texts.push({ label: `sts22:${i}:1`, text: r.text1 ?? '' }, { label: `sts22:${i}:2`, text: r.text2 ?? '' }));
  const truth = join(d, 'extraction', 'ground-truth.json');
  if (existsSync(truth)) for (const [id, page] of Object.entries(JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { articleBody: string }>)) texts.push({ label: `extraction truth ${id}`, text: page.articleBody });
  const timex = join(d, 'timex', 'aquaint');
  if (existsSync(timex)) for (const f of readdirSync(timex)) texts.push({ label: f, text: readFileSync(join(timex, f), 'utf8').replace(/<[^>]+>/g, '') });
  for (const extra of (process.env.NEWSFUSE_CLEAN_CORPUS ?? '').split(',').filter(Boolean)) jsonl(extra, (r) => [r.text]);
  return texts;
}

test('every dev text cleans as the reference does', { skip: needsSharedData() }, () => {
  const texts = devTexts();
  assert.ok(texts.length > 5000, `expecting the dev texts, instead found ${texts.length}`);
  for (const { label, text } of texts) {
    assertSameClean(text, label);
    assertSameClean(text.replace(/ /g, '\u00a0').replace(/\n/g, '\r\n'), `${label} (NBSP, CRLF)`);
  }
});

test('every dev page: the extracted body cleans as the reference does', { skip: needsSharedData('extraction/html') }, async () => {
  const htmlDir = join(SHARED_DATA_DIR, 'extraction', 'html');
  const dir = mkdtempSync(join(tmpdir(), 'newsfuse-clean-ref-'));
  try {
    for (const f of readdirSync(htmlDir)) writeFileSync(join(dir, f.replace(/\.gz$/, '')), gunzipSync(readFileSync(join(htmlDir, f))));
    let pages = 0;
    for await (const result of readPaths([dir])) {
      assert.ok(result.ok);
      const article = result.article;
      clean(article);
      const expected = referenceCleanText(article.input.text ?? '', { fromHtml: true });
      assert.equal(article.text, expected.text, article.id);
      assert.deepEqual(article.data.removed, expected.removed, article.id);
      assert.deepEqual(article.data.sourceMap, expected.map, article.id);
      pages++;
    }
    assert.equal(pages, readdirSync(htmlDir).length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
