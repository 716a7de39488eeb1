// Tests for time-expression recognition and normalisation: spans follow TimeML, values resolve against the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationValue, findTimeExpressions, parseNumber, type TimeExpression } from './timex.js';

/** The expressions as `text|type|value`, which reads well in a failing assertion. */
const brief = (expressions: TimeExpression[]) => expressions.map((e) => `${e.text}|${e.type}|${e.value}`);

test('offsets index the text and expressions come sorted, without overlaps', () => {
  const text = 'The talks ended Friday, two years after they began in the 1990s.';
  const found = findTimeExpressions(text, '1998-08-07');
  assert.ok(found.length >= 3);
  for (const [i, e] of found.entries()) {
    assert.equal(text.slice(e.start, e.end), e.text);
    if (i > 0) assert.ok(found[i - 1]!.end <= e.start);
  }
});

test('a bare weekday is the latest such day on or before the reference, unless the sentence looks ahead', () => {
  // 1998-08-07 is a Friday.
  assert.deepEqual(brief(findTimeExpressions('Bombs exploded Friday near the port.', '1998-08-07')), ['Friday|DATE|1998-08-07']);
  assert.deepEqual(brief(findTimeExpressions('The minister arrived Tuesday.', '1998-08-07')), ['Tuesday|DATE|1998-08-04']);
  assert.deepEqual(brief(findTimeExpressions('Talks will resume Monday.', '1998-08-07')), ['Monday|DATE|1998-08-10']);
  assert.deepEqual(brief(findTimeExpressions('They met last Friday and meet next Friday.', '1998-08-07')), [
    'last Friday|DATE|1998-07-31',
    'next Friday|DATE|1998-08-14',
  ]);
});

test('calendar dates with and without a year; a missing year leans to the past', () => {
  assert.deepEqual(brief(findTimeExpressions('The attack of Aug. 7, 1998 and the vote on Friday, Oct. 23.', '1998-11-02')), [
    'Aug. 7, 1998|DATE|1998-08-07',
    'Friday, Oct. 23|DATE|1998-10-23',
  ]);
  // Five months back beats seven months ahead.
  assert.deepEqual(brief(findTimeExpressions('He was shot on Nov. 25 in his kitchen.', '2000-04-20')), ['Nov. 25|DATE|1999-11-25']);
  assert.deepEqual(brief(findTimeExpressions('She was born on 7 August 1960.', '2000-01-05')), ['7 August 1960|DATE|1960-08-07']);
  assert.deepEqual(brief(findTimeExpressions('Sales rose in July 1997 and again in late November.', '2000-01-06')), [
    'July 1997|DATE|1997-07',
    'late November|DATE|1999-11',
  ]);
});

test('relative days, weeks, months and years', () => {
  const found = brief(findTimeExpressions('Yesterday the board met; last week it sold shares, and next month it votes. It grew last year.', '2021-01-07'));
  assert.deepEqual(found, [
    'Yesterday|DATE|2021-01-06',
    'last week|DATE|2020-W53',
    'next month|DATE|2021-02',
    'last year|DATE|2020',
  ]);
  // "earlier" stays outside the span of "this week", as annotators do.
  assert.deepEqual(brief(findTimeExpressions('She wrote earlier this week.', '2000-02-16')), ['this week|DATE|2000-W07']);
});

test('counting back from the reference', () => {
  assert.deepEqual(brief(findTimeExpressions('The party took power two years ago.', '2000-01-15')), ['two years ago|DATE|1998']);
  assert.deepEqual(brief(findTimeExpressions('The rifle was found 11 days ago.', '1999-04-19')), ['11 days ago|DATE|1999-04-08']);
  assert.deepEqual(brief(findTimeExpressions('A decade ago the wall fell.', '1999-03-12')), ['A decade ago|DATE|1989']);
});

test('durations, including word numbers, fractions, hyphenated and vague ones', () => {
  const found = brief(
    findTimeExpressions('After a 16-hour flight she stayed five hours, then twenty-five minutes, then 5 1/2 hours; the ordeal lasted the past two months.', '2000-01-01'),
  );
  assert.deepEqual(found, [
    '16-hour|DURATION|PT16H',
    'five hours|DURATION|PT5H',
    'twenty-five minutes|DURATION|PT25M',
    '5 1/2 hours|DURATION|PT5H30M',
    'past two months|DURATION|P2M',
  ]);
  assert.deepEqual(brief(findTimeExpressions('The feud lasted three decades and went on for years.', '2000-01-01')), [
    'three decades|DURATION|P30Y',
    'years|DURATION|PXY',
  ]);
});

test('ages are not durations', () => {
  assert.deepEqual(findTimeExpressions('A 44-year-old doctor and his 6-year-old son.', '1999-01-01'), []);
});

test('decades, quarters, seasons and holidays', () => {
  assert.deepEqual(brief(findTimeExpressions('Exports boomed in the 1960s and in the third quarter of 1998.', '1999-02-10')), [
    '1960s|DATE|196X',
    'third quarter of 1998|DATE|1998-Q3',
  ]);
  assert.deepEqual(brief(findTimeExpressions('The doctor was killed last fall.', '1999-04-10')), ['last fall|DATE|1998-FA']);
  assert.deepEqual(brief(findTimeExpressions('He was rescued on Thanksgiving Day.', '2000-01-06')), ['Thanksgiving Day|DATE|1999-11-25']);
});

test('clock times take the day written beside them', () => {
  assert.deepEqual(brief(findTimeExpressions('The agency extended its deadline until 9 a.m. EST Tuesday.', '2000-04-03')), ['9 a.m. EST Tuesday|TIME|2000-04-04T09:00']);
  assert.deepEqual(brief(findTimeExpressions('The blast came at 10:35 a.m. and shook the city.', '1998-08-07')), ['10:35 a.m.|TIME|1998-08-07T10:35']);
});

test('present, past and future references, and frequencies', () => {
  assert.deepEqual(brief(findTimeExpressions('He is now in charge and thinks of the future.', '2000-01-01')), [
    'now|DATE|PRESENT_REF',
    'the future|DATE|FUTURE_REF',
  ]);
  assert.deepEqual(brief(findTimeExpressions('Crowds rally daily, pray every day and meet weekly.', '2000-01-01')), [
    'daily|SET|P1D',
    'every day|SET|P1D',
    'weekly|SET|P1W',
  ]);
});

test('names that look like months are left alone', () => {
  assert.deepEqual(findTimeExpressions('Attorney General Janet Reno met Jan Kavan. May I ask about the march?', '2000-01-01'), []);
});

test('word numbers and durations by themselves', () => {
  assert.equal(parseNumber('twenty-five'), 25);
  assert.equal(parseNumber('1,200'), 1200);
  assert.equal(parseNumber('two and a half'), 2.5);
  assert.ok(Number.isNaN(parseNumber('several')));
  assert.equal(durationValue(2.5, 'years'), 'P2Y6M');
  assert.equal(durationValue(Number.NaN, 'weeks'), 'PXW');
  assert.equal(durationValue(4, 'decades'), 'P40Y');
});
