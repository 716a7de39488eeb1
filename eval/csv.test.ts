// Tests of the RFC 4180 CSV parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, parseCsvRecords } from './csv.js';

test('plain rows, LF and CRLF, no trailing empty row', () => {
  assert.deepEqual(parseCsv('a,b\n1,2\n'), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(parseCsv('a,b\r\n1,2\r\n3,4'), [['a', 'b'], ['1', '2'], ['3', '4']]);
});

test('quoted fields keep commas, doubled quotes and line breaks', () => {
  const text = 'id,text\n1,"Hello, ""world""\nsecond line"\n2,"x"\n';
  assert.deepEqual(parseCsv(text), [['id', 'text'], ['1', 'Hello, "world"\nsecond line'], ['2', 'x']]);
});

test('empty fields, empty quoted fields, trailing comma', () => {
  assert.deepEqual(parseCsv('a,,"",\n'), [['a', '', '', '']]);
});

test('a byte-order mark is dropped', () => {
  assert.deepEqual(parseCsv('\uFEFFa,b\n'), [['a', 'b']]);
});

test('an unterminated quote is an error naming the line', () => {
  assert.throws(() => parseCsv('a\n"open\nstill open'), /line 2/);
});

test('text after a closing quote is an error', () => {
  assert.throws(() => parseCsv('"a"b,c\n'), /expecting a comma/);
});

test('records keyed by header; ragged rows are errors', () => {
  assert.deepEqual(parseCsvRecords('x,y\n1,"2\n3"\n'), [{ x: '1', y: '2\n3' }]);
  assert.throws(() => parseCsvRecords('x,y\n1\n'), /expecting 2 fields/);
});
