// Tests for decodeBytes: gzip, empty and binary input, BOMs, strict UTF-8 and the windows-1252 fallback with a note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeBytes, declaredCharset } from './decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function decoded(bytes: Uint8Array, options: { html?: boolean } = {}) {
  const result = decodeBytes(bytes, options);
  assert.ok(result.ok, `expected the bytes to decode, got ${JSON.stringify(result)}`);
  return result.decoded;
}

test('plain UTF-8 decodes as is, with no notes', () => {
  const d = decoded(utf8('North Korea’s “party congress” — día 3'));
  assert.equal(d.text, 'North Korea’s “party congress” — día 3');
  assert.equal(d.encoding, 'utf-8');
  assert.deepEqual(d.notes, []);
});

test('gzip data is unpacked before decoding', () => {
  const d = decoded(gzipSync(Buffer.from('Kim Jong Un vows to enhance worldwide ties\n', 'utf8')));
  assert.equal(d.text, 'Kim Jong Un vows to enhance worldwide ties\n');
  assert.equal(d.encoding, 'utf-8');
});

test('a broken gzip stream is refused with read:gzip', () => {
  const result = decodeBytes(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.rule, 'read:gzip');
});

test('empty input (raw or gzipped) is refused with read:empty', () => {
  for (const bytes of [new Uint8Array(0), gzipSync(Buffer.alloc(0))]) {
    const result = decodeBytes(bytes);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.rule, 'read:empty');
  }
});

test('binary content with NUL bytes is refused with read:binary and a reason', () => {
  const bytes = Uint8Array.from([...utf8('PK header'), 0x00, 0x00, 0x03, 0x04, ...utf8('more bytes')]);
  const result = decodeBytes(bytes);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.rule, 'read:binary');
    assert.match(result.reason, /binary/);
  }
});

test('many control bytes (no NUL) also count as binary', () => {
  const bytes = new Uint8Array(400).map((_, i) => (i % 10 === 0 ? 0x01 : 0x41));
  const result = decodeBytes(bytes);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.rule, 'read:binary');
});

test('tabs, newlines, carriage returns and form feeds are text, not binary', () => {
  const d = decoded(utf8('a\tb\r\nc\fd\n'.repeat(50)));
  assert.ok(d.text.startsWith('a\tb\r\nc\fd'));
});

test('invalid UTF-8 falls back to windows-1252 with a read:encoding note', () => {
  // "café" and curly quotes in windows-1252: 0xE9, 0x93, 0x94 are not valid UTF-8 here.
  const bytes = Uint8Array.from([...utf8('The caf'), 0xe9, ...utf8(' said '), 0x93, ...utf8('hello'), 0x94]);
  const d = decoded(bytes);
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.text, 'The café said “hello”');
  assert.equal(d.notes.length, 1);
  assert.equal(d.notes[0]!.rule, 'read:encoding');
  assert.match(d.notes[0]!.reason, /windows-1252/);
});

test('a UTF-8 BOM is removed and decides the encoding', () => {
  const d = decoded(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Seoul')]));
  assert.equal(d.text, 'Seoul');
  assert.equal(d.encoding, 'utf-8');
});

test('UTF-16 BOMs decode as UTF-16 (little and big endian)', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Pyongyang', 'utf16le')]);
  assert.equal(decoded(le).text, 'Pyongyang');
  assert.equal(decoded(le).encoding, 'utf-16le');
  const be = Buffer.from(le.subarray(2)).swap16();
  const d = decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  assert.equal(d.text, 'Pyongyang');
  assert.equal(d.encoding, 'utf-16be');
});

test('HTML that declares a charset is decoded with it when it is not UTF-8', () => {
  const head = utf8('<html><head><meta charset="iso-8859-2"></head><body>');
  // 0xB3 is "ł" in ISO-8859-2 (and "³" in windows-1252).
  const bytes = Uint8Array.from([...head, ...utf8('Wroc'), 0xb3, ...utf8('aw</body></html>')]);
  const d = decoded(bytes, { html: true });
  assert.equal(d.encoding, 'iso-8859-2');
  assert.match(d.text, /Wrocław/);
  assert.deepEqual(d.notes, []);
});

test('declaredCharset reads <meta charset> and http-equiv content', () => {
  assert.equal(declaredCharset('<meta charset="Shift_JIS">'), 'shift_jis');
  assert.equal(declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'), 'windows-1251');
  assert.equal(declaredCharset('<title>no charset</title>'), undefined);
});
