// Tests for the pipeline: stages run in order whatever order they are named in, subsets run alone, a crash becomes a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Article } from './article.js';
import { timeOf } from './article.js';
import { prepare, STAGES } from './pipeline.js';

const TEXT = 'Advertisement\n\nSEOUL (AP) -- Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.\n';
const fresh = (): Article => new Article({ file: 'p.txt' }, { text: TEXT });

test('prepare with only clean cleans and does not describe or fingerprint', () => {
  const article = prepare(fresh(), ['clean']);
  assert.ok(!article.text.includes('Advertisement'));
  assert.equal(article.data.dateline, undefined);
  assert.equal(article.data.contentHash, undefined);
});

test('stages named out of order still run in pipeline order (describe sees cleaned text)', () => {
  const article = prepare(fresh(), ['fingerprint', 'describe', 'clean']);
  assert.equal(article.data.dateline?.place, 'SEOUL', 'the dateline is found because clean ran first');
  assert.ok(article.data.contentHash);
  assert.deepEqual(article.data.credits, ['AP']);
});

test('re-running fingerprint alone after a text change updates the hash without re-cleaning', () => {
  const article = prepare(fresh());
  const before = article.data.contentHash;
  article.text = `${article.text} An extra sentence.`;
  prepare(article, ['fingerprint']);
  assert.notEqual(article.data.contentHash, before);
  assert.ok(article.text.endsWith('An extra sentence.'));
});

test('a stage that throws becomes an error message on the article; later stages still run', (t) => {
  const original = STAGES.describe;
  (STAGES as Record<string, unknown>).describe = () => {
    throw new Error('boom');
  };
  t.after(() => {
    (STAGES as Record<string, unknown>).describe = original;
  });
  const article = prepare(fresh());
  const crash = article.messages.find((m) => m.rule === 'describe:crash');
  assert.ok(crash);
  assert.equal(crash.severity, 'error');
  assert.match(crash.reason, /boom/);
  assert.equal(crash.source, 'p.txt');
  assert.ok(article.data.contentHash, 'fingerprint ran after the crash');
});

test('timeOf: epoch ms of the publish time, undefined when absent or unparseable', () => {
  const article = fresh();
  assert.equal(timeOf(article), undefined);
  article.published = '2021-01-08T21:17:00.000Z';
  assert.equal(timeOf(article), Date.UTC(2021, 0, 8, 21, 17));
  article.published = 'someday';
  assert.equal(timeOf(article), undefined);
});
