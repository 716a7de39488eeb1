// tokenNormHashes equals tokenNorms's norms hashed and joined, and the lean fingerprint equals the full one: generated texts, and every dev text when ../shared/data is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { needsSharedData, SHARED_DATA_DIR } from '../../test/helpers.js';
import { Article } from '../article.js';
import { fingerprint } from '../fingerprint/fingerprint.js';
import { hashString, idShingleHashes, normShingleHashes, tokenNormHashes, tokenNorms } from './tokens.js';

/** The norm hashes, joined bytes and shingles of `text` by both paths, compared. */
function assertSame(text: string, label: string): void {
  const norms = tokenNorms(text);
  const { ids, joined } = tokenNormHashes(text);
  assert.deepEqual(Array.from(ids), norms.map(hashString), `${label}: norm hashes`);
  assert.ok(Buffer.from(joined).equals(Buffer.from(norms.join(' '), 'utf8')), `${label}: joined norms`);
  assert.deepEqual(idShingleHashes(Uint32Array.from(ids), 5), normShingleHashes(norms, 5), `${label}: shingles`);
}

/** What the lean and the full fingerprint stage put on an article of this text. */
function fingerprints(text: string): { lean: unknown; full: unknown } {
  const [lean, full] = [true, false].map((isLean) => {
    const article = new Article({ file: 'identity.jsonl' }, { id: 'x', text });
    article.text = text;
    fingerprint(article, { lean: isLean });
    const { contentHash, shingles, signature } = article.data;
    return { contentHash, shingles: Array.from(shingles ?? []), signature: Array.from(signature ?? []) };
  });
  return { lean, full };
}

test('tokenNormHashes gives the hashes and joined bytes of tokenNorms on any text (property)', () => {
  // As tokenNorms's property test, plus characters that NFKD expands (ligatures, U+FDFA) and long runs.
  const pieces = ['a', 'Z', 'q', '7', '0', "'", '’', 'é', 'É', 'ß', 'e\u0301', ' ', '  ', '-', '.', ',', '\n', '\t', '𝒜', '中', '٣', 'Ⅻ', '\u212a', 'İ', '\ud800', '’s', "don't", "o'", "'s", 'ﬁ', '\ufdfa', 'ǆ', 'Straße', 'x'.repeat(40)];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => assertSame(parts.join(''), JSON.stringify(parts.join('')))),
    { numRuns: 3000, seed: 20261203 },
  );
  // A long text after short ones: the reused buffers grow.
  assertSame('\ufdfa'.repeat(30_000), 'U+FDFA x 30,000');
  assertSame('Word '.repeat(100_000), 'Word x 100,000');
  const { lean, full } = fingerprints("Rock'n'roll isn't 42's\nKim’s café, \ufdfa and ﬁne.");
  assert.deepEqual(lean, full);
});

/** Every text of the dev sets (and of `NEWSFUSE_TOKEN_CORPUS`, JSONL files with a `text` field, comma-separated). */
function devTexts(): string[] {
  const texts: string[] = [];
  const jsonl = (path: string, pick: (r: Record<string, unknown>) => unknown[]): void => {
    if (!existsSync(path)) return;
    for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) for (const t of pick(JSON.parse(line) as Record<string, unknown>)) if (typeof t === 'string') texts.push(t);
  };
  const d = SHARED_DATA_DIR;
  jsonl(join(d, 'ecbplus', 'ecbplus-dev.jsonl'), (r) => [r.text]);
  jsonl(join(d, 'quotes', 'polnear-dev.jsonl'), (r) => [r.text]);
  jsonl(join(d, 'entities', 'meantime-dev.jsonl'), (r) => [r.text]);
  jsonl(join(d, 'msrp', 'msrp-train.jsonl'), (r) => [r.a, r.b]);
  jsonl(join(d, 'neus', 'neus-val.jsonl'), (r) => ((r.documents as { text: unknown; title: unknown }[]) ?? []).flatMap((doc) => [doc.text, doc.title]));
  const truth = join(d, 'extraction', 'ground-truth.json');
  if (existsSync(truth)) for (const page of Object.values(JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { articleBody: string }>)) texts.push(page.articleBody);
  for (const extra of (process.env.NEWSFUSE_TOKEN_CORPUS ?? '').split(',').filter(Boolean)) jsonl(extra, (r) => [r.text]);
  return texts;
}

test('every dev text: tokenNormHashes and the lean fingerprint equal tokenNorms and the full fingerprint', { skip: needsSharedData() }, () => {
  const texts = devTexts();
  assert.ok(texts.length > 5000, `expecting the dev texts, instead found ${texts.length}`);
  let nonAscii = 0;
  for (const [i, text] of texts.entries()) {
    assertSame(text, `dev text ${i}`);
    if (/[^\u0000-\u007f]/.test(text)) nonAscii++;
    const { lean, full } = fingerprints(text);
    assert.deepEqual(lean, full, `dev text ${i}: fingerprint`);
  }
  assert.ok(nonAscii > 100, `expecting dev texts beyond ASCII, instead found ${nonAscii}`);
});
