// Tests of quotation-mark pairing: mixed marks, NYT '', paragraphs, marks that never close.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotedSpans } from './quote-marks.js';

const texts = (text: string) => findQuotedSpans(text).map((s) => text.slice(s.start, s.end));

test('straight, curly, mixed and NYT pairs', () => {
  assert.deepEqual(texts('He "declared a line,” KCNA said.'), ['"declared a line,”']);
  assert.deepEqual(texts("''Yes,'' she said. ''No.''"), ["''Yes,''", "''No.''"]);
  assert.deepEqual(texts('«Oui», dit-il.'), ['«Oui»']);
});

test('a quotation continued in the next paragraph is one span; one that never closes ends at its paragraph', () => {
  const text = '"First paragraph\n\n"Second paragraph."\n\nAfter.';
  assert.deepEqual(texts(text), ['"First paragraph\n\n"Second paragraph."']);
  const open = findQuotedSpans('She said "this never ends\n\nNew paragraph.');
  assert.equal(open.length, 1);
  assert.equal(open[0]!.closed, false);
  assert.equal(open[0]!.end, 'She said "this never ends'.length);
});
