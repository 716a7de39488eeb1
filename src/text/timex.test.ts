// Tests for time-expression recognition and normalisation: spans follow TimeML, values resolve against the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/helpers.js';
import { durationValue, findTimeExpressions, parseNumber, parseReference, type TimeExpression } from './timex.js';

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

test('discourse "Now", programme titles and the generic "today\'s" are no time expressions', () => {
  // A sentence opening with "Now" turns the discourse; inside the clause "now" still is the present.
  assert.deepEqual(brief(findTimeExpressions('The vote failed. Now the party must regroup, and it is now weaker.', '2000-01-01')), [
    'now|DATE|PRESENT_REF',
  ]);
  assert.deepEqual(brief(findTimeExpressions('She watched "48 Hours" and waited 48 hours.', '2000-01-01')), ['48 hours|DURATION|PT48H']);
  assert.deepEqual(brief(findTimeExpressions("It matters in today's world, and today's vote counts.", '2000-01-05')), ['today|DATE|2000-01-05']);
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

test('tense decides a bare weekday: past narration looks back, plans and "until" look ahead unless the clause is past', () => {
  // 2000-01-07 is a Friday.
  assert.deepEqual(brief(findTimeExpressions('Protesters were planning to drive around the airport on Monday.', '2000-01-07')), ['Monday|DATE|2000-01-10']);
  assert.deepEqual(brief(findTimeExpressions('Until Thursday, they had not called him a suspect.', '2000-01-07')), ['Thursday|DATE|2000-01-06']);
  assert.deepEqual(brief(findTimeExpressions('A service planned for Saturday was canceled.', '2000-01-09')), ['Saturday|DATE|2000-01-08']);
  assert.deepEqual(brief(findTimeExpressions('They would look for ways around Wednesday\'s ruling.', '2000-01-07')), ['Wednesday|DATE|2000-01-05']);
  assert.deepEqual(brief(findTimeExpressions('The minister said Friday that talks failed.', '2000-01-07')), ['Friday|DATE|2000-01-07']);
});

test('anaphora count from the last anchor at its own granularity', () => {
  assert.deepEqual(brief(findTimeExpressions('She fled in June 1998 and returned later that year.', '2000-01-28')), [
    'June 1998|DATE|1998-06',
    'later that year|DATE|1998',
  ]);
  assert.deepEqual(brief(findTimeExpressions('He was shot on Oct. 23, 1998. The next day police searched the house.', '1999-04-19')), [
    'Oct. 23, 1998|DATE|1998-10-23',
    'The next day|DATE|1998-10-24',
  ]);
});

test('durations are never dates; "ago" makes a date', () => {
  assert.deepEqual(brief(findTimeExpressions('He served for two years and will retire in five years.', '1998-08-07')), [
    'two years|DURATION|P2Y',
    'five years|DURATION|P5Y',
  ]);
  assert.deepEqual(brief(findTimeExpressions('It grew over the past three years.', '1998-08-07')), ['past three years|DURATION|P3Y']);
  assert.deepEqual(brief(findTimeExpressions('It began five years ago.', '1998-08-07')), ['five years ago|DATE|1993']);
});

test('fiscal years, halves, the past and the present', () => {
  assert.deepEqual(brief(findTimeExpressions('Sales fell in fiscal 1997 and last fiscal year, then rose in the second half of 1998.', '1998-08-07')), [
    'fiscal 1997|DATE|FY1997',
    'last fiscal year|DATE|FY1997',
    'second half of 1998|DATE|1998-H2',
  ]);
  assert.deepEqual(brief(findTimeExpressions('He recently moved and is now in Maryland.', '1998-08-07')), ['recently|DATE|PAST_REF', 'now|DATE|PRESENT_REF']);
  assert.deepEqual(brief(findTimeExpressions('Profits grew after the post-1959 reforms.', '1998-08-07')), ['post-1959|DATE|1959']);
});

test('the reference must be an ISO date: no fallback to today', () => {
  assert.ok(parseReference('2021-01-08'));
  assert.deepEqual(parseReference('2021-01-08T23:30:00+09:00')?.day, { year: 2021, month: 1, day: 8 });
  assert.ok(parseReference('1998-08-07T06:18Z'));
  for (const bad of ['Jan 5 2021', '2021-1-8', '20210108', '2021-02-30', '2021-13-01', 'yesterday', '', '2021-01-08T10:00+0900']) {
    assert.equal(parseReference(bad), undefined, bad);
    assert.throws(() => findTimeExpressions('He left on Friday.', bad), /expecting an ISO date/);
  }
});

const SAMPLE =
  'Bombs exploded Friday near the port. Talks will resume Monday, two years after they began in the 1990s. ' +
  'Yesterday the board met; last week it sold shares. At 9 a.m. EST Tuesday the deadline ends. The next day, ' +
  'on Dec. 31, it closed for the holidays until next month. He left on New Year\'s Eve at midnight. ';

test('results do not depend on the time zone of the machine', () => {
  const url = new URL('./timex.js', import.meta.url).href;
  const script = `import { findTimeExpressions } from ${JSON.stringify(url)};
const out = [];
for (const ref of ['1998-08-07', '1998-12-31T23:59', '1999-01-01T00:00:00+09:00', '2000-02-29']) out.push(findTimeExpressions(process.argv[1], ref));
process.stdout.write(JSON.stringify(out));`;
  const outputs = ['UTC', 'Asia/Seoul', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((zone) => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, SAMPLE], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  });
  assert.ok(JSON.parse(outputs[0]!).flat().length > 10);
  for (const output of outputs.slice(1)) assert.equal(output, outputs[0]);
});

test('the source uses no local-time Date method and never reads the clock', () => {
  const source = readFileSync(join(ROOT, 'src', 'text', 'timex.ts'), 'utf8').replace(/\/\/.*$/gm, '');
  const local = /\.(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getTimezoneOffset|setFullYear|setMonth|setDate|setHours|toLocale\w*)\(|new Date\(\)|Date\.now\(|Date\.parse\(/g;
  assert.deepEqual(source.match(local) ?? [], []);
});

test('a 2,000-word sentence without capitals, and one of digits, finish quickly', () => {
  const words = ['the', 'talks', 'may', 'march', 'on', 'for', 'two', 'years', 'and', 'days', 'since', 'last', 'week', 'in', 'fall', 'a', 'day', '1998', 'now', 'friday', 'night', 'next'];
  const lower = Array.from({ length: 2000 }, (_, i) => words[(i * 7) % words.length]).join(' ');
  const digits = Array.from({ length: 2000 }, (_, i) => String(1990 + (i % 40)) + (i % 3 ? ',' : '-')).join(' ');
  const spaces = 'a' + ' '.repeat(20000) + 'b';
  for (const text of [lower, digits, spaces, lower.toUpperCase()]) {
    const started = performance.now();
    const found = findTimeExpressions(text, '2000-01-01');
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
    for (const e of found) assert.equal(text.slice(e.start, e.end), e.text);
  }
});

// Bugs found on real news pages; the sentences below are invented.

test('a dotted month abbreviation may touch its day', () => {
  assert.deepEqual(brief(findTimeExpressions('The summit opened Feb.9, 2019 and closed Sept.12.', '2019-10-01')), [
    'Feb.9, 2019|DATE|2019-02-09',
    'Sept.12|DATE|2019-09-12',
  ]);
});

test('text in capitals reads as text in mixed case, and the modal "MAY" stays a verb', () => {
  assert.deepEqual(brief(findTimeExpressions('UPDATED: MONDAY, MARCH 4, 2019', '2019-03-05')), ['MONDAY, MARCH 4, 2019|DATE|2019-03-04']);
  assert.deepEqual(brief(findTimeExpressions('THIS MAY BE THE LAST VOTE BEFORE MAY 20, AIDES SAID ON TUESDAY.', '2019-03-07')), [
    'MAY 20|DATE|2019-05-20',
    'TUESDAY|DATE|2019-03-05',
  ]);
  assert.deepEqual(brief(findTimeExpressions('THE BOARD MEETS AT 48 HOURS NOTICE.', '2019-03-07')), ['48 HOURS|DURATION|PT48H']);
});

test('text without capitals still has its weekdays, months and holidays', () => {
  assert.deepEqual(brief(findTimeExpressions('the envoy pledged on wednesday that she will return in june, though prices may fall.', '2021-01-08')), [
    'wednesday|DATE|2021-01-06',
    'june|DATE|2021-06',
  ]);
  assert.deepEqual(brief(findTimeExpressions('families met at christmas.', '2021-01-08')), ['christmas|DATE|2020-12-25']);
  // In ordinary text a lower-case "may" or "thanksgiving" is no date; a lower-case weekday still is.
  assert.deepEqual(brief(findTimeExpressions('In June the mayor said rates may rise and gave thanksgiving on friday.', '2021-07-08')), [
    'June|DATE|2021-06',
    'friday|DATE|2021-07-02',
  ]);
});

test('slashed dates laid out with spaces: month first as unspaced, a first number above 12 is the day', () => {
  assert.deepEqual(brief(findTimeExpressions('Posted 07 / 04 / 2016, updated 25 / 12 / 2016, filed 7/4/2016.', '2017-01-01')), [
    '07 / 04 / 2016|DATE|2016-07-04',
    '25 / 12 / 2016|DATE|2016-12-25',
    '7/4/2016|DATE|2016-07-04',
  ]);
  assert.deepEqual(brief(findTimeExpressions('Stamped 31 / 02 / 2016.', '2017-01-01')), ['2016|DATE|2016']);
});

test('clock times with a spaced colon and 24-hour times with hrs, hours or a zone', () => {
  assert.deepEqual(brief(findTimeExpressions('Last updated 7: 45 PM EST on the day, then at 9 : 05 AM.', '2019-03-05')), [
    '7: 45 PM EST|TIME|2019-03-05T19:45',
    '9 : 05 AM|TIME|2019-03-05T09:05',
  ]);
  assert.deepEqual(brief(findTimeExpressions('Troops crossed at about 0630 hrs IST, again around 1530 hours and at 2215 GMT.', '2016-06-01')), [
    '0630 hrs IST|TIME|2016-06-01T06:30',
    '1530 hours|TIME|2016-06-01T15:30',
    '2215 GMT|TIME|2016-06-01T22:15',
  ]);
  // A count of hours is no clock time and no year; a zone time in brackets restates the time before it.
  assert.deepEqual(brief(findTimeExpressions('The pilot logged 1200 hours.', '2016-06-01')), ['1200 hours|DURATION|PT1200H']);
  assert.deepEqual(brief(findTimeExpressions('The blast came at 8:10 a.m. (0510 GMT).', '2016-06-01')), ['8:10 a.m.|TIME|2016-06-01T08:10']);
});

test('the verb that governs a date sets its tense, not a later clause', () => {
  // 2015-09-10 is a Thursday.
  assert.deepEqual(brief(findTimeExpressions('The senator flew to Denver on Tuesday evening, for what is expected to be a long trip.', '2015-09-10')), [
    'Tuesday evening|DATE|2015-09-08',
  ]);
  assert.deepEqual(brief(findTimeExpressions('She arrived on Monday and will stay.', '2015-09-10')), ['Monday|DATE|2015-09-07']);
  assert.deepEqual(brief(findTimeExpressions('The bill passed by the House on Tuesday will go to the Senate.', '2015-09-10')), ['Tuesday|DATE|2015-09-08']);
  // Future talk still looks ahead.
  assert.deepEqual(brief(findTimeExpressions('The panel will meet on Tuesday, aides said.', '2015-09-10')), ['Tuesday|DATE|2015-09-15']);
  assert.deepEqual(brief(findTimeExpressions('Talks are expected to be held on Tuesday.', '2015-09-10')), ['Tuesday|DATE|2015-09-15']);
});

test('a month and day without a year in a past clause is the latest such day; plans and deadlines stay near', () => {
  assert.deepEqual(brief(findTimeExpressions('The driver crashed into a fence on Oct. 20, and then fled.', '2015-09-10')), ['Oct. 20|DATE|2014-10-20']);
  assert.deepEqual(brief(findTimeExpressions('He was elected in November.', '2015-09-10')), ['November|DATE|2014-11']);
  assert.deepEqual(brief(findTimeExpressions('The court ordered him to appear on Oct. 20.', '2015-09-10')), ['Oct. 20|DATE|2015-10-20']);
  assert.deepEqual(brief(findTimeExpressions('Lawyers missed the Oct. 20 deadline.', '2015-09-10')), ['Oct. 20|DATE|2015-10-20']);
  assert.deepEqual(brief(findTimeExpressions('The minister has invited them to a summit on Oct. 20.', '2015-09-10')), ['Oct. 20|DATE|2015-10-20']);
  // A weekday written with the date picks the year in which the two agree.
  assert.deepEqual(brief(findTimeExpressions('The paper said in an editorial on Monday, Sept. 14.', '2015-09-13')), ['Monday, Sept. 14|DATE|2015-09-14']);
});
