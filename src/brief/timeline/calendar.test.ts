// Tests for the number-only calendar: day numbers, weekdays, ISO days as written, and TimeML value ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { civil, dayNumber, dayOfIso, isoDay, rangeOfValue, weekdayOf } from './calendar.js';

test('calendar: day numbers round-trip over four centuries and agree with known weekdays', () => {
  for (let n = dayNumber(1900, 1, 1); n <= dayNumber(2300, 1, 1); n += 37) {
    const { year, month, day } = civil(n);
    assert.equal(dayNumber(year, month, day), n);
  }
  assert.equal(dayNumber(1970, 1, 1), 0);
  assert.equal(isoDay(dayNumber(2020, 2, 29)), '2020-02-29');
  assert.equal(weekdayOf(dayNumber(2021, 1, 8)), 5); // a Friday
  assert.equal(weekdayOf(dayNumber(2021, 1, 6)), 3); // a Wednesday
});

test('calendar: an ISO time gives the day as written, whatever its zone', () => {
  assert.equal(isoDay(dayOfIso('2021-01-08T21:17:00.000Z')!), '2021-01-08');
  assert.equal(isoDay(dayOfIso('2021-01-09T06:17:00+09:00')!), '2021-01-09');
  assert.equal(isoDay(dayOfIso(String(Date.UTC(2021, 0, 8, 23, 59)))!), '2021-01-08');
  assert.equal(dayOfIso('next Friday'), undefined);
  assert.equal(dayOfIso('2021-02-30'), undefined);
  assert.equal(dayOfIso(undefined), undefined);
});

test('calendar: TimeML values cover the days they name', () => {
  const days = (value: string) => {
    const r = rangeOfValue(value);
    return r ? [isoDay(r.first), isoDay(r.last), r.precision] : undefined;
  };
  assert.deepEqual(days('2021-01-06'), ['2021-01-06', '2021-01-06', 'day']);
  assert.deepEqual(days('2021-01-07T09:00'), ['2021-01-07', '2021-01-07', 'day']);
  assert.deepEqual(days('2020-02'), ['2020-02-01', '2020-02-29', 'month']);
  assert.deepEqual(days('2019'), ['2019-01-01', '2019-12-31', 'year']);
  assert.deepEqual(days('2021-W01'), ['2021-01-04', '2021-01-10', 'week']);
  assert.deepEqual(days('2020-Q4'), ['2020-10-01', '2020-12-31', 'month']);
  assert.deepEqual(days('199X'), ['1990-01-01', '1999-12-31', 'decade']);
  assert.equal(rangeOfValue('P2Y'), undefined);
  assert.equal(rangeOfValue('PRESENT_REF'), undefined);
  assert.equal(rangeOfValue('XXXX-XX-XX'), undefined);
});
