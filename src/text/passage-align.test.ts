// Tests for passage alignment: shared passages between the seeds and small texts, with offsets into both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed } from '../../test/helpers.js';
import { alignPassages } from './passage-align.js';
import { tokenize } from './tokens.js';

const words = (text: string): string => tokenize(text).map((t) => t.norm).join(' ');

test('seeds 000 and 001 share the "Some observers say…" paragraph; offsets slice to the same words in both', async () => {
  const a = (await seed('000')).text;
  const b = (await seed('001')).text;
  const passages = alignPassages(tokenize(a), tokenize(b));
  const observers = passages.find((p) => a.slice(p.a[0], p.a[1]).startsWith('Some observers say North Korea is frustrated'));
  assert.ok(observers, `no passage starts with "Some observers say"; found ${passages.map((p) => a.slice(p.a[0], p.a[0] + 40)).join(' | ')}`);
  const inA = a.slice(observers.a[0], observers.a[1]);
  const inB = b.slice(observers.b[0], observers.b[1]);
  assert.ok(inB.startsWith('Some observers say North Korea is frustrated'));
  assert.ok(inA.endsWith('summit with Trump') && inB.endsWith('summit with Trump'), 'the passage runs to the end of the paragraph');
  // "U.S.-led" in 000 vs "US-led" in 001: a small edit joined into one passage.
  assert.ok(inA.includes('U.S.-led') && inB.includes('US-led'));
  assert.ok(observers.tokens >= 50);
  // Apart from the small edit, the words are the same.
  assert.equal(words(inA).replace('u s led', 'us led'), words(inB));
});

test('the shared KCNA quotation is found between 000 and 002', async () => {
  const a = (await seed('000')).text;
  const c = (await seed('002')).text;
  const passages = alignPassages(tokenize(a), tokenize(c), { minTokens: 10 });
  const quote = passages.find((p) => a.slice(p.a[0], p.a[1]).includes('comprehensively expanding and developing the external relations'));
  assert.ok(quote);
  assert.equal(words(a.slice(quote.a[0], quote.a[1])), words(c.slice(quote.b[0], quote.b[1])));
});

test('unrelated texts share no passage; short shared phrases are below minTokens', () => {
  const a = 'North Korea held a party congress in Pyongyang this week and leaders talked about the economy and defense.';
  const b = 'The city council approved a new budget for schools and roads after a long debate on Tuesday evening.';
  assert.deepEqual(alignPassages(tokenize(a), tokenize(b)), []);
  const c = 'Officials said on Monday that the party congress in Pyongyang this week would end soon.';
  assert.deepEqual(alignPassages(tokenize(a), tokenize(c)), [], '"party congress in Pyongyang this week" is only 6 tokens');
  assert.equal(alignPassages(tokenize(a), tokenize(c), { minTokens: 6 }).length, 1);
});

test('passages are found at any position, and spans are in each text’s own coordinates', () => {
  const shared = 'the eighth congress of the ruling workers party came amid a prolonged gridlock in negotiations on nuclear programs';
  const a = `Intro sentence here. ${shared}. Closing words.`;
  const b = `A much longer and entirely different opening paragraph comes first in this text. Then: ${shared}!`;
  const [p, ...rest] = alignPassages(tokenize(a), tokenize(b));
  assert.equal(rest.length, 0);
  assert.ok(p);
  assert.equal(a.slice(p.a[0], p.a[1]), shared);
  assert.equal(b.slice(p.b[0], p.b[1]), shared);
  assert.equal(p.tokens, 18);
});
