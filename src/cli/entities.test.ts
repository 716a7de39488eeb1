// End-to-end test of `newsfuse entities --input FILE.jsonl`: one line per article, offsets into `text`, names canonical across the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runCli, tempDir } from '../../test/helpers.js';

test('entities --input: {"id","entities"} per article, in input order, one name for aliases across articles', async (t) => {
  const records = [
    { id: 'a', text: 'North Korean leader Kim Jong Un met officials of the Government Accountability Office.', published: '2021-01-08' },
    { id: 'b', text: 'The GAO said Kim Jong-un left N. Korea.' },
    { id: 'c', text: '' },
    { id: 'd', title: 'no text field' },
  ];
  const file = join(tempDir(t), 'articles.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\nnot json\n');
  const result = await runCli(['entities', '--input', file]);
  assert.equal(result.code, 0, result.stderr);
  const lines = jsonLines(result.stdout) as { id: string; entities: { start: number; end: number; text: string; type: string; name: string }[] }[];
  assert.deepEqual(lines.map((line) => line.id), ['a', 'b', 'c', 'd']);
  for (const [i, line] of lines.entries()) {
    const text = records[i]!.text ?? '';
    for (const entity of line.entities) {
      assert.deepEqual(Object.keys(entity), ['start', 'end', 'text', 'type', 'name']);
      assert.equal(text.slice(entity.start, entity.end), entity.text);
    }
  }
  const name = (line: number, text: string) => lines[line]!.entities.find((e) => e.text === text)?.name;
  assert.equal(name(1, 'Kim Jong-un'), name(0, 'Kim Jong Un'));
  assert.equal(name(1, 'GAO'), name(0, 'Government Accountability Office'));
  assert.equal(name(1, 'N. Korea'), 'North Korea');
  assert.deepEqual(lines[2]!.entities, []);
  assert.match(result.stderr, /:4: expecting a "text" string/);
});
