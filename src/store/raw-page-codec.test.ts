// Tests for the raw-page codec: any text round-trips; damaged bytes and unknown codecs fail with what was expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { packHtml, RAW_PAGE_CODEC, unpackHtml } from './raw-page-codec.js';

test('any HTML text unpacks to itself', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (html) => {
      assert.equal(unpackHtml(RAW_PAGE_CODEC, packHtml(html)), html);
    }),
  );
});

test('a page of markup packs to a fraction of its size', () => {
  const html = `<html><body>${'<p class="para">Ferry service resumes after the storm, officials said.</p>\n'.repeat(200)}</body></html>`;
  assert.ok(packHtml(html).length < html.length / 10);
});

test('damaged bytes and an unknown codec are errors that say what was expected', () => {
  const packed = packHtml('<p>Ferry service resumes after the storm.</p>');
  assert.throws(() => unpackHtml(RAW_PAGE_CODEC, Buffer.from('not brotli')), /expecting Brotli data/);
  assert.throws(() => unpackHtml(RAW_PAGE_CODEC, packed.subarray(0, packed.length - 3)), /expecting Brotli data/);
  assert.throws(() => unpackHtml('zstd', packed), /expecting a page packed as "br", instead found codec "zstd"/);
});
