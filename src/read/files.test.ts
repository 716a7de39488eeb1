// Tests for path expansion and readers by file type: folder walks, globs, unknown extensions, missing paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadResult } from '../article.js';
import { SEEDS_DIR, tempDir } from '../../test/helpers.js';
import { expandPaths, kindOf, readDocument, readPaths } from './files.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const BODY = 'The city council approved a new budget for schools and roads after a long debate on Tuesday evening.\n';

test('kindOf picks the reader by extension, through .gz, case-insensitively', () => {
  assert.equal(kindOf('a.txt'), 'text');
  assert.equal(kindOf('A.TXT'), 'text');
  assert.equal(kindOf('noext'), 'text');
  assert.equal(kindOf('page.html'), 'html');
  assert.equal(kindOf('page.htm.gz'), 'html');
  assert.equal(kindOf('dump.jsonl'), 'jsonl');
  assert.equal(kindOf('dump.ndjson.gz'), 'jsonl');
  assert.equal(kindOf('photo.jpg'), undefined);
  assert.equal(kindOf('archive.zip'), undefined);
});

test('expandPaths walks folders recursively in sorted order and skips hidden files', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'b-sub'));
  mkdirSync(join(dir, '.hidden-dir'));
  writeFileSync(join(dir, 'c.txt'), BODY);
  writeFileSync(join(dir, 'a.txt'), BODY);
  writeFileSync(join(dir, 'b-sub', 'x.txt'), BODY);
  writeFileSync(join(dir, '.secret.txt'), BODY);
  writeFileSync(join(dir, '.hidden-dir', 'y.txt'), BODY);
  const files = await collect(expandPaths([dir]));
  assert.deepEqual(files, [{ file: join(dir, 'a.txt') }, { file: join(dir, 'b-sub', 'x.txt') }, { file: join(dir, 'c.txt') }]);
});

test('expandPaths: a glob in the last segment, and missing paths reported as missing', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'one.txt'), BODY);
  writeFileSync(join(dir, 'two.txt'), BODY);
  writeFileSync(join(dir, 'three.html'), '<p>x</p>');
  assert.deepEqual(await collect(expandPaths([join(dir, '*.txt')])), [{ file: join(dir, 'one.txt') }, { file: join(dir, 'two.txt') }]);
  assert.deepEqual(await collect(expandPaths([join(dir, '*.xml')])), [{ missing: join(dir, '*.xml') }]);
  assert.deepEqual(await collect(expandPaths([join(dir, 'nope.txt')])), [{ missing: join(dir, 'nope.txt') }]);
});

test('readPaths reads the seed folder: four text articles in file order', async () => {
  const results = await collect(readPaths([SEEDS_DIR]));
  assert.equal(results.length, 4);
  const names = results.map((r) => (r.ok ? r.article.source.file.split('/').pop()!.slice(0, 3) : 'failed'));
  assert.deepEqual(names, ['000', '001', '002', '003']);
  for (const r of results) assert.ok(r.ok && r.article.text.length > 1000);
});

test('readPaths: unknown extension and missing path are failures; good files around them still read', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a.txt'), BODY);
  writeFileSync(join(dir, 'b.pdf'), '%PDF-1.4');
  writeFileSync(join(dir, 'c.txt'), BODY);
  const missing = join(dir, 'no-such-folder');
  const results: ReadResult[] = await collect(readPaths([dir, missing]));
  assert.equal(results.length, 4);
  const failures = results.filter((r) => !r.ok).map((r) => (!r.ok ? r.failure : undefined)!);
  assert.deepEqual(
    failures.map((f) => [f.source.file, f.rule]),
    [
      [join(dir, 'b.pdf'), 'read:format'],
      [missing, 'read:missing'],
    ],
  );
  assert.equal(results.filter((r) => r.ok).length, 2);
});

test('readDocument: binary, empty and white-space-only files are failures naming the file', async (t) => {
  const dir = tempDir(t);
  const cases: [string, Uint8Array | string, string][] = [
    ['binary.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]), 'read:binary'],
    ['empty.txt', '', 'read:empty'],
    ['blank.txt', '  \n\n \t\n', 'read:empty'],
  ];
  for (const [name, bytes, rule] of cases) {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const result = await readDocument(file, 'text');
    assert.ok(!result.ok, `${name} should fail`);
    assert.equal(result.failure.rule, rule, name);
    assert.equal(result.failure.source.file, file);
  }
});

test('readDocument: invalid UTF-8 text is read as windows-1252 with a read:encoding message', async (t) => {
  const file = join(tempDir(t), 'latin.txt');
  writeFileSync(file, Buffer.concat([Buffer.from('The caf'), Buffer.from([0xe9]), Buffer.from(' opened on Monday.\n')]));
  const result = await readDocument(file, 'text');
  assert.ok(result.ok);
  assert.equal(result.article.text, 'The café opened on Monday.\n');
  assert.deepEqual(result.article.messages.map((m) => [m.rule, m.source]), [['read:encoding', file]]);
});
