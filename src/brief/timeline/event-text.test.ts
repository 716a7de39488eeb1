// Tests for event wordings: the clause holding the date, without the date, the day phrase and the attribution.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventClause, eventWords } from './event-text.js';

const span = (sentence: string, part: string, phrase = false) => ({ start: sentence.indexOf(part), end: sentence.indexOf(part) + part.length, phrase });

test('event text: the date and its preposition go, the clause stays', () => {
  const s = 'Kim on Wednesday vowed to boost military capabilities to a much higher level.';
  assert.equal(eventClause(s, s.indexOf('Wednesday'), [span(s, 'Wednesday')]).text, 'Kim vowed to boost military capabilities to a much higher level');
});

test('event text: the clause holding the date, not the whole sentence', () => {
  const s = 'Biden will come into office facing the thorny task of a breakthrough, after a second summit between Kim and Trump in 2019 failed to reach agreement.';
  assert.equal(eventClause(s, s.indexOf('2019'), [span(s, '2019')]).text, 'A second summit between Kim and Trump failed to reach agreement');
});

test('event text: a closing attribution is set aside and named', () => {
  const s = 'On its third day on Thursday, Kim raised the issue of reshaping South Korean affairs, the official KCNA news agency reported, without elaborating.';
  const clause = eventClause(s, s.indexOf('Thursday'), [span(s, 'Thursday'), span(s, 'third day', true)]);
  assert.equal(clause.text, 'Kim raised the issue of reshaping South Korean affairs');
  assert.equal(clause.attribution, 'the official KCNA news agency');
});

test('event text: an adverbial day phrase goes with its event; a year used as an adjective stays', () => {
  const s = 'On the second day of the meeting, he said he would bolster his country’s military capability.';
  assert.equal(eventClause(s, s.indexOf('second'), [span(s, 'second day', true)]).text, 'He said he would bolster his country’s military capability');
  const t = 'Inter-Korean relations made some headway around 2018 summits.';
  assert.equal(eventClause(t, t.indexOf('2018'), [span(t, '2018')]).text, 'Inter-Korean relations made some headway around 2018 summits');
});

test('event text: a relative clause gets its antecedent; "checked in today" keeps its "in"', () => {
  const s = 'President-elect Joe Biden, who is to take office on Jan. 20, has called Kim a “thug”.';
  assert.equal(eventClause(s, s.indexOf('Jan.'), [span(s, 'Jan. 20')]).text, 'President-elect Joe Biden is to take office');
  const t = 'Her rep said she checked in today, after weeks of talks.';
  assert.match(eventClause(t, t.indexOf('today'), [span(t, 'today')]).text, /checked in$/);
});

test('event text: a huge sentence gives a short wording', () => {
  const s = `Kim said on Thursday ${'that the party would work hard '.repeat(400)}.`;
  const text = eventClause(s, s.indexOf('Thursday'), [span(s, 'Thursday')]).text;
  assert.ok(text.split(/\s+/).length <= 27, text);
  assert.ok(text.endsWith('…'));
});

test('event words: stems and no dates or function words', () => {
  assert.deepEqual(eventWords('Kim vowed on Wednesday to bolster the capabilities'), ['kim', 'vow', 'bolste', 'capabi']);
  assert.deepEqual(eventWords('capability relations'), eventWords('capabilities relation'));
});
