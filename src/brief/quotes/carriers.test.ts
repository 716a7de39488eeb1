// Tests for merging one quote carried by several outlets: other quote marks, small edits, fragments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteGroups, type QuoteItem } from './carriers.js';

const item = (ref: number, text: string, speaker: string | null = null, start = 0): QuoteItem => ({ ref, quote: { text, start }, speaker });

test('the same words with other quote marks, a small edit, or as a fragment are one quote', () => {
  const groups = quoteGroups([
    item(1, '“declared the general orientation and the policy stand of our party for comprehensively expanding and developing the external relations,”', 'Kim Jong Un'),
    item(2, '"declared the general orientation and the policy stand of our party for comprehensively expanding and developing the external relations"', 'Kim Jong Un'),
    item(3, 'the policy stand of our party for comprehensively expanding and developing external relations', null),
    item(2, 'We will not give up on the talks, whatever happens next week', 'Jane Doe'),
  ]);
  assert.deepEqual(groups, [[0, 1, 2], [3]]);
});

test('short quotes merge only when identical, and not across different speakers', () => {
  const groups = quoteGroups([item(1, '“thug”', 'Joe Biden'), item(2, 'thug', 'Joe Biden'), item(3, '“thug”', 'Someone Else'), item(1, 'much higher level')]);
  assert.deepEqual(groups, [[0, 1], [3], [2]], 'larger groups first, then by first appearance');
});

test('different quotes that share a common phrase stay apart', () => {
  const groups = quoteGroups([
    item(1, 'we will respond to any provocation with overwhelming force and without delay', 'A'),
    item(2, 'the government said it would respond to criticism of its policy in due course', 'B'),
  ]);
  assert.equal(groups.length, 2);
  assert.deepEqual(quoteGroups([item(1, '!!!')]), [], 'a quote without words is no item');
});
