// `brief --input`: one brief JSON line per story, spans that index each input `text` as given, bad lines reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateBrief } from '../../test/brief-schema.js';
import { jsonLines, runCli, tempDir } from '../../test/helpers.js';
import type { Brief, SourceSpan } from '../brief/model.js';

const SHARED = 'Officials said the bridge over the river would stay closed for at least three weeks while engineers inspect the damaged supports.';
const A = `Advertisement\r\n\r\nSPRINGFIELD -- The storm hit on Monday night,\u00a0flooding  the lower town. ${SHARED}\r\n\r\n"We are doing everything we can," Mayor Jane Doe said on Tuesday.\r\n`;
const B = `Residents were told to avoid the area.\n\nMOST POPULAR\n\n${SHARED} Mayor Jane Doe said the town "is doing everything it can".`;

test('brief --input: spans index the input text as given, and the brief is valid', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'stories.jsonl');
  const stories = [
    { id: 's1', articles: [{ id: 'a', outlet: 'Daily A', title: 'Storm', text: A, published: '2024-03-05T10:00:00Z' }, { id: 'b', outlet: 'Daily B', title: 'Bridge', text: B, published: '2024-03-05T12:00:00Z' }] },
    { id: 's2', articles: [{ id: 'c', text: 'A short story of one article that says little, according to its author.' }] },
  ];
  writeFileSync(input, `${stories.map((s) => JSON.stringify(s)).join('\n')}\nnot json\n{"id":"s3","articles":"none"}\n`);
  const result = await runCli(['brief', '--input', input], { timeoutMs: 60000 });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /stories\.jsonl:3: .*\[read:json\]/);
  assert.match(result.stderr, /stories\.jsonl:4: expecting "articles" to be an array/);
  const briefs = jsonLines(result.stdout) as unknown as Brief[];
  assert.deepEqual(briefs.map((b) => b.id), ['s1', 's2']);
  const texts: Record<string, string> = { a: A, b: B };
  for (const brief of briefs) assert.deepEqual(validateBrief(brief), []);
  const [first] = briefs;
  const spans: SourceSpan[] = [
    ...first!.summary.map((s) => ({ ...s, text: s.text })),
    ...first!.passages.flatMap((p) => p.carriers),
    ...first!.quotes.flatMap((q) => q.carriers),
    ...first!.timeline.flatMap((e) => e.sources),
    ...first!.entities.map((e) => e.first),
  ];
  assert.ok(first!.passages.length >= 1, 'the shared sentence is a passage');
  for (const span of [...first!.passages.flatMap((p) => p.carriers), ...first!.quotes.flatMap((q) => q.carriers), ...first!.entities.map((e) => e.first)]) {
    assert.equal(texts[String(span.article)]!.slice(span.start, span.end), span.text, `span ${span.start}-${span.end} of ${span.article}`);
  }
  for (const span of spans) assert.ok(span.article === 'a' || span.article === 'b', 'article is the input id');
  const passage = first!.passages[0]!.carriers.find((c) => c.article === 'a')!;
  assert.equal(A.slice(passage.start, passage.end).replace(/\s+/g, ' '), SHARED.replace(/\.$/, ''), 'the passage runs word to word');
});

test('brief --input and a story id together is a usage error', async () => {
  const result = await runCli(['brief', '7', '--input', 'x.jsonl']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /not both/);
});
