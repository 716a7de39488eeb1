// Tests for ordinal day phrases and the vote on day 1 of a multi-day event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayPhrases, electDayOne } from './phases.js';

test('phases: ordinal day phrases in their common shapes', () => {
  const ordinals = (text: string) => dayPhrases(text).map((p) => [p.text, p.ordinal]);
  assert.deepEqual(ordinals('On its third day on Thursday, Kim spoke.'), [['third day', 3]]);
  assert.deepEqual(ordinals('On day two of the summit they met.'), [['day two', 2]]);
  assert.deepEqual(ordinals('on the second day of the congress'), [['second day', 2]]);
  assert.deepEqual(ordinals('In his opening-day speech, Kim admitted failures.'), [['opening-day', 1]]);
  assert.deepEqual(ordinals('as he addressed the conference for the third consecutive day.'), [['third consecutive day', 3]]);
});

test('phases: a first day of a calendar or a job is not a phase of the event', () => {
  assert.deepEqual(dayPhrases('It was the first day of school. On her first day in office she signed it.'), []);
  assert.deepEqual(dayPhrases('the first time in five years, for two days'), []);
});

test('phases: day 1 is the day most articles imply, ties going to the earliest', () => {
  const votes = [
    { article: 'a', dayOne: 100, estimated: false },
    { article: 'b', dayOne: 100, estimated: true },
    { article: 'b', dayOne: 100, estimated: true },
    { article: 'c', dayOne: 101, estimated: true },
  ];
  assert.deepEqual(electDayOne(votes), { day: 100, support: 2, estimated: false });
  assert.equal(electDayOne([{ article: 'a', dayOne: 7, estimated: false }, { article: 'b', dayOne: 5, estimated: false }])?.day, 5);
  assert.equal(electDayOne([]), undefined);
});
