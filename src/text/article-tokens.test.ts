// Tests for the shared body tokens: made once per text, remade when the text changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Article } from '../article.js';
import { bodyTokens } from './article-tokens.js';
import { tokenize } from './tokens.js';

test('body tokens are made once and remade after the text changes', () => {
  const article = new Article({ file: 'f' }, { title: 'Floods in the valley', text: 'Rain flooded the valley on Monday, officials said.' });
  const first = bodyTokens(article);
  assert.equal(bodyTokens(article), first, 'the same array the second time');
  assert.deepEqual(first, tokenize(article.text));
  article.text = 'A different text now.';
  assert.deepEqual(bodyTokens(article).map((t) => t.norm), ['a', 'different', 'text', 'now']);
});
