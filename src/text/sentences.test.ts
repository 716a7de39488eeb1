// Tests for sentence spans: abbreviations and initials, line breaks, and lines met before in the same run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('sentences end at . ! ? before a capital or a line end, not after an abbreviation or an initial', () => {
  assert.deepEqual(texts('Mr. Kim met Gen. Lee. They talked!\nJ. Smith left? Yes.'), ['Mr. Kim met Gen. Lee.', 'They talked!', 'J. Smith left?', 'Yes.']);
  assert.deepEqual(texts('  \n\n'), []);
});

test('a text whose lines were split before in the same run gets the spans it gets alone', async () => {
  const lines = ['Mr. Kim met Gen. Lee. They talked!', '', '  “It is over.” He left.  ', 'No end here'];
  const text = lines.join('\n');
  await new Promise((resolve) => setImmediate(resolve));
  const alone = splitSentences(text);
  await new Promise((resolve) => setImmediate(resolve));
  for (const line of lines) splitSentences(line);
  assert.deepEqual(splitSentences(`${lines[3]}\n${lines[0]}`).map((s) => s.start), [0, 12, 34]);
  assert.deepEqual(splitSentences(text), alone);
  assert.deepEqual(texts(text), ['Mr. Kim met Gen. Lee.', 'They talked!', '“It is over.”', 'He left.', 'No end here']);
});
