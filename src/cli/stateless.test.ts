// End-to-end tests of the stateless tools' output shapes: extract, cluster, dupes, similarity, summarize, compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runCli, seedPath, tempDir } from '../../test/helpers.js';

const FLOODS =
  'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said. ' +
  'Rescue teams worked through the night to reach villages cut off by the water, the regional governor told reporters. ' +
  'The weather service expects more rain later in the week and has warned people living near the river to stay alert.';
const FLOODS_EDIT = FLOODS.replace('regional governor', 'provincial governor').replace('later in the week', 'on Thursday');
/** A wire copy with one word changed: above the default near-duplicate threshold (0.8). */
const FLOODS_WIRE = FLOODS.replace('regional governor', 'provincial governor');
const BUDGET =
  'The city council approved a new budget for schools and roads after a long debate on Tuesday evening. ' +
  'Teachers welcomed the extra money but said it would not cover the rising cost of heating old buildings this winter.';

function writeJsonl(dir: string, name: string, records: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

async function run(args: string[]): Promise<string> {
  const result = await runCli(args);
  assert.equal(result.code, 0, `newsfuse ${args.join(' ')} exited ${result.code}\n${result.stderr}`);
  return result.stdout;
}

test('cluster --input: {"id","story"} lines in processing order (by published), similar articles together', async (t) => {
  const file = writeJsonl(tempDir(t), 'articles.jsonl', [
    { id: 'late-floods', title: 'Floods force families out', text: FLOODS_EDIT, published: '2021-01-06T08:00:00Z' },
    { id: 'floods', title: 'Floods hit the valley', text: FLOODS, published: 1609837200000 },
    { id: 'budget', title: 'Council passes budget', text: BUDGET, published: '2021-01-05T12:00:00Z' },
  ]);
  const lines = jsonLines(await run(['cluster', '--input', file]));
  for (const line of lines) {
    assert.deepEqual(Object.keys(line), ['id', 'story']);
    assert.equal(typeof line.story, 'number');
  }
  assert.deepEqual(lines.map((l) => l.id), ['floods', 'budget', 'late-floods']);
  assert.equal(lines[0]!.story, lines[2]!.story);
  assert.notEqual(lines[0]!.story, lines[1]!.story);
});

test('dupes --input: {"a","b","jaccard","kind"} with an exact and a near pair at the default threshold, more when it is lowered', async (t) => {
  const file = writeJsonl(tempDir(t), 'articles.jsonl', [
    { id: 'orig', text: FLOODS },
    { id: 'copy', text: FLOODS, outlet: 'Other outlet' },
    { id: 'edit', text: FLOODS_WIRE },
    { id: 'rewrite', text: FLOODS_EDIT },
    { id: 'budget', text: BUDGET },
  ]);
  const pairs = jsonLines(await run(['dupes', '--input', file]));
  for (const pair of pairs) {
    assert.deepEqual(Object.keys(pair), ['a', 'b', 'jaccard', 'kind']);
    assert.ok((pair.jaccard as number) >= 0 && (pair.jaccard as number) <= 1);
    assert.ok(pair.kind === 'exact' || pair.kind === 'near');
  }
  const find = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  assert.deepEqual(find('orig', 'copy'), { a: 'orig', b: 'copy', jaccard: 1, kind: 'exact' });
  assert.equal(find('orig', 'edit')?.kind, 'near');
  assert.ok((find('orig', 'edit')?.jaccard as number) < 1);
  assert.ok(!pairs.some((p) => p.a === 'budget' || p.b === 'budget'));
  // Two edits in a short text fall below the default threshold, and are found when it is lowered.
  assert.equal(find('orig', 'rewrite'), undefined);
  const lower = jsonLines(await run(['dupes', '--input', file, '--threshold', '0.5']));
  assert.ok(lower.some((p) => p.a === 'orig' && p.b === 'rewrite' && p.kind === 'near'));
});

test('dupes: the same pairs with worker threads as without, past the in-process start and across chunks', async (t) => {
  // 300 articles (workers start after 64): a family of three texts repeated with one changed word each, and two HTML lines.
  const texts = [FLOODS, BUDGET, FLOODS_EDIT];
  const records: object[] = Array.from({ length: 300 }, (_, i) => ({ id: `a${i}`, text: texts[i % 3]!.replace('the', i % 4 === 0 ? 'the' : `the ${i % 7 === 0 ? 'very' : ''}`) }));
  records.splice(150, 0, { id: 'page', html: `<html><body><article><p>${FLOODS}</p></article></body></html>` });
  // One before the workers start too: the page step loads where the first HTML article is prepared.
  records.splice(10, 0, { id: 'early-page', html: `<html><body><article><p>${BUDGET}</p></article></body></html>` });
  const file = writeJsonl(tempDir(t), 'many.jsonl', records);
  const without = await run(['dupes', '--input', file, '--workers', '0']);
  const withWorkers = await run(['dupes', '--input', file, '--workers', '2']);
  assert.ok(jsonLines(without).length > 1000, 'the copies make many pairs');
  for (const id of ['page', 'early-page']) assert.ok(jsonLines(without).some((p) => p.a === id || p.b === id), `the HTML article ${id} is compared too`);
  assert.equal(withWorkers, without);
});

test('similarity --input: {"id","similarity","sameStory"} with similarity in 0..1', async (t) => {
  const file = writeJsonl(tempDir(t), 'pairs.jsonl', [
    { id: 'same', a: { title: 'Floods hit the valley', text: FLOODS }, b: { title: 'Floods force families out', text: FLOODS_EDIT } },
    { id: 'different', a: { text: FLOODS }, b: { text: BUDGET } },
    { id: 7, a: { maintext: BUDGET }, b: { maintext: BUDGET } },
  ]);
  const lines = jsonLines(await run(['similarity', '--input', file]));
  assert.deepEqual(lines.map((l) => l.id), ['same', 'different', 7]);
  for (const line of lines) {
    assert.deepEqual(Object.keys(line), ['id', 'similarity', 'sameStory']);
    assert.ok((line.similarity as number) >= 0 && (line.similarity as number) <= 1);
    assert.equal(typeof line.sameStory, 'boolean');
  }
  assert.equal(lines[0]!.sameStory, true);
  assert.equal(lines[1]!.sameStory, false);
  assert.ok((lines[0]!.similarity as number) > (lines[1]!.similarity as number));
  assert.equal(lines[2]!.similarity, 1);
});

test('summarize --input: {"id","summary"} per group, within the word budget', async (t) => {
  const file = writeJsonl(tempDir(t), 'groups.jsonl', [
    { id: 'g1', articles: [{ title: 'Floods hit the valley', text: FLOODS }, { title: 'Floods force families out', text: FLOODS_EDIT }] },
    { id: 'g2', articles: [{ text: BUDGET }] },
  ]);
  const lines = jsonLines(await run(['summarize', '--input', file, '--words', '30']));
  assert.deepEqual(lines.map((l) => l.id), ['g1', 'g2']);
  for (const line of lines) {
    assert.deepEqual(Object.keys(line), ['id', 'summary']);
    assert.equal(typeof line.summary, 'string');
    assert.ok((line.summary as string).length > 0);
    assert.ok((line.summary as string).split(/\s+/).length <= 45, `summary too long: ${line.summary}`);
  }
  // Extractive: every sentence of g1's summary is a sentence of its flood articles.
  for (const sentence of (lines[0]!.summary as string).split(/(?<=\.)\s+/)) assert.ok(FLOODS.includes(sentence) || FLOODS_EDIT.includes(sentence), sentence);
  assert.match(lines[0]!.summary as string, /flood|rain|valley|water/i);
  assert.match(lines[1]!.summary as string, /budget|council/i);
});

test('compare A B --json: similarity, same-story verdict and the shared passage with offsets', async () => {
  const result = JSON.parse(await run(['compare', seedPath('000'), seedPath('001'), '--json'])) as {
    a: { file: string; title: string | null };
    b: { file: string; title: string | null };
    similarity: number;
    jaccard: number;
    sameStory: boolean;
    passages: { a: [number, number]; b: [number, number]; tokens: number; text: string }[];
  };
  assert.deepEqual(Object.keys(result), ['a', 'b', 'similarity', 'jaccard', 'sameStory', 'passages']);
  assert.equal(result.a.file, seedPath('000'));
  assert.equal(result.b.title, 'North Korea’s Kim Jong Un Vows To Improve Ties With Outside World At Party Meeting');
  assert.ok(result.similarity > 0 && result.similarity <= 1);
  assert.equal(result.sameStory, true);
  const shared = result.passages.find((p) => p.text.startsWith('Some observers say North Korea is frustrated'));
  assert.ok(shared);
  assert.equal(shared.a[1] - shared.a[0], shared.text.length);
  assert.ok(shared.b[1] > shared.b[0]);
});

test('compare without --json prints a readable verdict', async () => {
  const out = await run(['compare', seedPath('000'), seedPath('001')]);
  assert.match(out, /similarity \d\.\d{3}, shingle Jaccard \d\.\d{3}: same story/);
  assert.match(out, /shared passage/);
});

test('extract FILE --format jsonl: {file,title,text,published,byline,outlet,language,credits,...} per page', async () => {
  const lines = jsonLines(await run(['extract', seedPath('002'), seedPath('003'), '--format', 'jsonl']));
  assert.equal(lines.length, 2);
  for (const line of lines) {
    for (const key of ['file', 'title', 'text', 'published', 'byline', 'outlet', 'language', 'credits']) assert.ok(key in line, `missing ${key}`);
  }
  const [b, c] = lines;
  assert.equal(b!.file, seedPath('002'));
  assert.equal(b!.title, 'Kim Jong Un vows to enhance worldwide ties');
  assert.equal(b!.outlet, 'Thebritishjournal');
  assert.deepEqual(b!.credits, ['AP', 'Reuters']);
  assert.equal(b!.language, 'en');
  assert.ok(!(b!.text as string).includes('Leave a Reply'));
  assert.equal(c!.byline, 'Choi Si-young');
  assert.deepEqual(c!.credits, ['KCNA', 'Yonhap']);
  assert.ok((c!.text as string).includes('requested vaccines from Gavi'));
});

test('extract FILE (default json) prints one object for one file; an unreadable file is reported on stderr', async (t) => {
  const one = JSON.parse(await run(['extract', seedPath('000')])) as Record<string, unknown>;
  assert.equal(one.published, '2021-01-08T21:17:00.000Z');
  assert.equal((one.dateline as { place: string }).place, 'SEOUL');
  const dir = tempDir(t);
  const binary = join(dir, 'x.txt');
  writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0x03]));
  const result = await runCli(['extract', binary]);
  assert.equal(result.code, 1);
  assert.ok(result.stderr.includes(`${binary}: expecting text, instead found binary content`), result.stderr);
});

test('stateless tools report a malformed JSONL line with file and line, and go on', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, [JSON.stringify({ id: 'a', text: FLOODS }), '{not json', JSON.stringify({ id: 'b', text: BUDGET })].join('\n') + '\n');
  const result = await runCli(['cluster', '--input', file]);
  assert.equal(result.code, 0);
  assert.deepEqual(jsonLines(result.stdout).map((l) => l.id), ['a', 'b']);
  assert.equal(result.stderr.split('\n').filter((l) => l.includes(`${file}:2`)).length, 1, result.stderr);
});
