// Tests of the one date normaliser: ISO forms, zones, epochs, RFC 2822, and refusing half a date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instantOf, normalizeDate } from './dates.js';

test('normalizeDate: ISO dates stay dates, zoned date-times become UTC instants, zoneless ones stay local', () => {
  assert.equal(normalizeDate('2021-01-07'), '2021-01-07');
  assert.equal(normalizeDate('2021-01-07T10:30:00+0900'), '2021-01-07T01:30:00.000Z');
  assert.equal(normalizeDate('2021-01-07T10:30:00+09:00'), '2021-01-07T01:30:00.000Z');
  assert.equal(normalizeDate('2021-01-07T10:30:00.123Z'), '2021-01-07T10:30:00.000Z');
  assert.equal(normalizeDate('2021-01-07 10:30'), '2021-01-07T10:30:00');
  assert.equal(normalizeDate('2021-01-07T10:30:00 GMT'), '2021-01-07T10:30:00.000Z');
});

test('normalizeDate: RFC 2822 (feeds, HTTP), epoch seconds and milliseconds', () => {
  assert.equal(normalizeDate('Thu, 07 Jan 2021 10:30:00 GMT'), '2021-01-07T10:30:00.000Z');
  assert.equal(normalizeDate('Fri, 08 Jan 2021 10:17:00 +0900'), '2021-01-08T01:17:00.000Z');
  assert.equal(normalizeDate('1610000000'), '2021-01-07T06:13:20.000Z');
  assert.equal(normalizeDate('1610000000000'), '2021-01-07T06:13:20.000Z');
  assert.equal(normalizeDate(1610000000000), '2021-01-07T06:13:20.000Z');
  assert.equal(normalizeDate('January 7, 2021'), '2021-01-07');
});

test('normalizeDate: half a date is refused, never completed from defaults', () => {
  for (const half of ['January 2021', '2021', '10:30', 'Jan 7', 'Thursday 10:30', 'January 7, 2021 10:30', '2021-02-30', '2021-13-01', '2021-01-07T25:00:00Z', '0001-01-01T00:00:00Z', 'yesterday-ish', '', '   ']) {
    assert.equal(normalizeDate(half), undefined, JSON.stringify(half));
  }
  assert.equal(normalizeDate(undefined), undefined);
  assert.equal(normalizeDate(null), undefined);
  assert.equal(normalizeDate(Number.NaN), undefined);
});

test('instantOf: dates and local date-times read as UTC for ordering; instants unchanged', () => {
  assert.equal(instantOf('2021-01-07'), '2021-01-07T00:00:00.000Z');
  assert.equal(instantOf('2021-01-07T10:30:00'), '2021-01-07T10:30:00.000Z');
  assert.equal(instantOf('2021-01-07T10:30:00.000Z'), '2021-01-07T10:30:00.000Z');
  assert.equal(instantOf(undefined), undefined);
});
