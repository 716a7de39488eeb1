// Tests for publish-day estimates: the seeds, date lines, weekdays against the story's other publish times, and no evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedArticles } from '../../../test/helpers.js';
import { estimatePublished } from './estimate.js';

const article = (text: string, published?: string) => ({ key: 'x', text, published });

test('estimate: the seeds without a publish time get the days an editor gives them', async () => {
  const seeds = await seedArticles();
  const stated = [...seeds.values()].filter((a) => a.published).map((a) => a.published!);
  assert.equal(seeds.get('000')!.published?.slice(0, 16), '2021-01-08T21:17');
  const of = (key: string) => {
    const a = seeds.get(key)!;
    assert.equal(a.published, undefined, `seed ${key} has no publish time on its page`);
    return estimatePublished({ key, text: a.text, title: a.title }, stated);
  };
  for (const key of ['001', '002']) {
    const estimate = of(key);
    assert.equal(estimate?.earliest, '2021-01-08', `${key}: ${estimate?.basis}`);
    assert.equal(estimate?.latest, '2021-01-08', `${key}: ${estimate?.basis}`);
  }
  const estimate = of('003');
  assert.deepEqual([estimate?.earliest, estimate?.latest], ['2021-01-06', '2021-01-07'], estimate?.basis);
  assert.match(estimate!.basis, /Jan\.6, 2021/);
  // 003 names its own date: it needs no context.
  assert.deepEqual([estimatePublished({ key: '003', text: seeds.get('003')!.text })?.earliest], ['2021-01-06']);
});

test('estimate: a date line at the top of the page is the publish day', () => {
  const text = 'Lohan checks into rehab\nPUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM\nUPDATED: FRIDAY, MAY 3, 2013, 9: 56 AM\nThe actress checked in late Thursday.';
  const estimate = estimatePublished(article(text));
  assert.deepEqual([estimate?.earliest, estimate?.latest], ['2013-05-02', '2013-05-03']);
  const numeric = estimatePublished(article('05 / 02 / 2013\nThe actress has checked into a facility, her lawyer said.'));
  assert.equal(numeric?.earliest, '2013-05-02');
});

test('estimate: weekdays alone need the story\'s other publish times, and take the nearest such week', () => {
  const text = 'The navy captured 23 pirates on Saturday, the defence ministry said.';
  assert.equal(estimatePublished(article(text)), undefined);
  const estimate = estimatePublished(article(text), ['2008-12-12T10:00:00Z', '2008-12-14T08:00:00Z']);
  assert.equal(estimate?.earliest, '2008-12-13'); // the Saturday between them
});

test('estimate: a plan ahead ("is to take office on Jan. 20, 2021") is no evidence of the publish day', () => {
  const estimate = estimatePublished(article('Biden, who is to take office on Jan. 20, 2021, has called Kim a thug. Kim spoke on Jan. 7, 2021.'));
  assert.equal(estimate?.earliest, '2021-01-07');
});

test('estimate: no date in the text, or only durations and years, gives no estimate', () => {
  assert.equal(estimatePublished(article('Kim spoke for two hours about the next five years.'), ['2021-01-08T00:00:00Z']), undefined);
  assert.equal(estimatePublished(article('The party last met in 2016.')), undefined);
  assert.equal(estimatePublished(article('')), undefined);
});

test('estimate: a stated publish time is returned as it is', () => {
  assert.deepEqual(estimatePublished(article('anything', '2021-01-08T21:17:00Z'))?.earliest, '2021-01-08');
});

test('estimate: the same answer in any time zone', () => {
  const text = 'Kim said on Friday that talks would resume. State media reported it on Friday.';
  const before = process.env.TZ;
  let results: string[];
  try {
    results = ['Pacific/Kiritimati', 'America/Adak', 'UTC'].map((tz) => {
      process.env.TZ = tz;
      return JSON.stringify(estimatePublished(article(text), ['2021-01-08T23:30:00-10:00']));
    });
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
  assert.equal(new Set(results).size, 1, results.join('\n'));
  assert.match(results[0]!, /2021-01-08/);
});
