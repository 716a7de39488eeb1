// Tests for batch clustering: processing order by publish time (stable otherwise) and {id, story} output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Article } from '../article.js';
import { prepare } from '../pipeline.js';
import { clusterArticles, processingOrder } from './batch.js';

const make = (id: string, published?: string, text = 'Some words of an article about something that happened on a day.'): Article =>
  new Article({ file: 'in.jsonl' }, { id, published, text });

const ids = (articles: Article[]): string[] => articles.map((a) => a.id);

test('processingOrder sorts by published time', () => {
  const order = processingOrder([make('c', '2021-01-08T10:00:00Z'), make('a', '2021-01-06T10:00:00Z'), make('b', '2021-01-07T10:00:00Z')]);
  assert.deepEqual(ids(order), ['a', 'b', 'c']);
});

test('processingOrder keeps input order when no article has a time, and among equal times', () => {
  assert.deepEqual(ids(processingOrder([make('x'), make('y'), make('z')])), ['x', 'y', 'z']);
  const t = '2021-01-07T00:00:00Z';
  assert.deepEqual(ids(processingOrder([make('p', t), make('q', t), make('r', t)])), ['p', 'q', 'r']);
});

test('processingOrder: an article without a time stays behind the article before it', () => {
  const order = processingOrder([
    make('late', '2021-01-09T00:00:00Z'),
    make('untimed-after-late'),
    make('early', '2021-01-01T00:00:00Z'),
    make('untimed-after-early'),
  ]);
  assert.deepEqual(ids(order), ['early', 'untimed-after-early', 'late', 'untimed-after-late']);
});

test('processingOrder: untimed articles at the start stay first, and an unparseable date counts as none', () => {
  // "bad" has no usable time, so it follows "a", the article before it in the input.
  const order = processingOrder([make('first'), make('b', '2021-01-02T00:00:00Z'), make('a', '2021-01-01T00:00:00Z'), make('bad', 'not a date')]);
  assert.deepEqual(ids(order), ['first', 'a', 'bad', 'b']);
});

test('clusterArticles yields {id, story} in processing order, similar articles sharing a story', async () => {
  const floods = 'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.';
  const articles = [
    make('f2', '2021-01-06T00:00:00Z', floods.replace('Monday', 'Monday night')),
    make('f1', '2021-01-05T00:00:00Z', floods),
    make('b1', '2021-01-05T12:00:00Z', 'The city council approved a new budget for schools and roads after a long debate on Tuesday evening.'),
  ].map((a) => prepare(a, ['clean', 'describe']));
  const out: { id: string; story: number }[] = [];
  for await (const line of clusterArticles(articles)) out.push(line);
  assert.deepEqual(out.map((l) => l.id), ['f1', 'b1', 'f2']);
  assert.equal(out[0]!.story, out[2]!.story);
  assert.notEqual(out[0]!.story, out[1]!.story);
  for (const line of out) assert.deepEqual(Object.keys(line), ['id', 'story']);
});
