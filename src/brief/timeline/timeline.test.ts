// Tests for the story timeline: the seed story's phases and sources, report days, background, and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedArticles, seededRandom } from '../../../test/helpers.js';
import { findTimeExpressions } from '../../text/timex.js';
import { buildTimeline, timelineOf, type TimelineArticle, type TimelineEntry } from './timeline.js';

async function seedStory(): Promise<TimelineArticle[]> {
  const seeds = await seedArticles();
  return [...seeds].map(([key, a]) => ({ key, text: a.text, title: a.title, published: a.published }));
}

const keys = (entry: TimelineEntry | undefined) => [...new Set(entry?.sources.map((s) => s.article))].sort();
const entryOn = (entries: TimelineEntry[], date: string, kind: 'event' | 'report' = 'event') =>
  entries.filter((e) => e.date === date && (e.kind ?? 'event') === kind).sort((a, b) => b.sources.length - a.sources.length)[0];

test('timeline: the seed story has day 2 (defense) and day 3 (external relations) with their sources', async () => {
  const story = await seedStory();
  const { entries, dayOne, references } = timelineOf(story);
  assert.equal(dayOne, '2021-01-05');
  const day2 = entryOn(entries, '2021-01-06');
  assert.equal(day2?.label, 'day 2');
  assert.match(day2!.text, /vow\w* to (bolster|boost) (defen[cs]e|military)/i);
  for (const key of ['000', '003']) assert.ok(keys(day2).includes(key), `day 2 lacks ${key}: ${keys(day2)}`);
  const day3 = entryOn(entries, '2021-01-07');
  assert.equal(day3?.label, 'day 3');
  assert.deepEqual(keys(day3).filter((k) => k !== '003'), ['000', '001', '002']);
  assert.match(day3!.text, /external relations/);
  assert.match(day3!.text, /South Korea/);
  // Day 1 comes only from day phrases ("on the first day of the congress"), dated by the story's day 1.
  const day1 = entryOn(entries, '2021-01-05');
  assert.equal(day1?.label, 'day 1');
  assert.ok(day1!.sources.every((s) => s.derived), 'day 1 is derived');
  assert.match(day1!.text, /econom\w* fail|failure/i);
  // Labels are consistent: one date per label.
  const labelDates = new Map<string, Set<string>>();
  for (const e of entries) if (e.label) labelDates.set(e.label, (labelDates.get(e.label) ?? new Set()).add(e.date));
  for (const [label, dates] of labelDates) assert.equal(dates.size, 1, `${label} on ${[...dates]}`);
  // Ordered by date, and every source points at its sentence and its date words.
  const firsts = entries.map((e) => e.date.slice(0, 4));
  assert.deepEqual(firsts, [...firsts].sort());
  const byKey = new Map(story.map((a) => [a.key, a.text]));
  for (const e of entries) {
    for (const s of e.sources) {
      assert.equal(byKey.get(s.article)!.slice(s.start, s.end), s.text);
      assert.ok(s.text.includes(s.dateText), `${s.dateText} in ${s.text}`);
    }
  }
  assert.equal(references['003']?.estimate?.earliest, '2021-01-06');
});

test('timeline: "KCNA said Friday" is the report day, apart from the event day', async () => {
  const { entries } = timelineOf(await seedStory());
  const report = entryOn(entries, '2021-01-08', 'report');
  assert.ok(report, 'a report entry on Friday');
  assert.equal(report!.label, null);
  assert.ok(keys(report).includes('000') && keys(report).includes('001'));
  assert.ok(!entries.some((e) => e.date === '2021-01-08' && e.kind === 'event'), 'no event on the report day');
});

test('timeline: background years are kept and marked; a plan ahead is marked expected; durations are not dates', async () => {
  const { entries } = timelineOf(await seedStory());
  const years = entries.filter((e) => /^(2016|2017|2018|2019)$/.test(e.date));
  assert.ok(years.length >= 4);
  assert.ok(years.every((e) => e.background));
  assert.ok(!entries.some((e) => /^2021-01-0[5-8]$/.test(e.date) && e.background));
  const inauguration = entries.find((e) => e.date === '2021-01-20');
  assert.equal(inauguration?.expected, true);
  assert.ok(!entries.some((e) => /^P/.test(e.date)), 'no duration became an entry');
  const durations = timelineOf([{ key: 'a', text: 'Talks have been stalled for two years. The plan runs in five years.', published: '2021-01-08T00:00:00Z' }]);
  assert.deepEqual(durations.entries, []);
});

test('timeline: estimated publish days are used and said so', async () => {
  const { entries } = timelineOf(await seedStory());
  const day3 = entryOn(entries, '2021-01-07')!;
  const fromEstimated = day3.sources.filter((s) => s.publishedEstimated).map((s) => s.article);
  assert.ok(fromEstimated.includes('001'));
  assert.ok(!day3.sources.find((s) => s.article === '000')!.publishedEstimated);
  // 001's "Jan. 20" rests only on its estimated day.
  assert.equal(entries.find((e) => e.date === '2021-01-20')?.estimated, true);
  assert.equal(day3.estimated, false, 'day 3 is confirmed by 000, which states its publish time');
});

test('timeline: a weekday in an article of that weekday means that day; otherwise the latest before it', () => {
  const friday = buildTimeline([{ key: 'a', text: 'The minister resigned on Friday over the scandal.', published: '2021-01-08T09:00:00Z' }]);
  assert.equal(friday[0]?.date, '2021-01-08');
  const saturday = buildTimeline([{ key: 'a', text: 'The minister resigned on Friday over the scandal.', published: '2021-01-09T09:00:00Z' }]);
  assert.equal(saturday[0]?.date, '2021-01-08');
});

test('timeline: the same event from two outlets on one day is one entry listing both', () => {
  const entries = buildTimeline([
    { key: 'a', text: 'The navy captured 23 pirates in the Gulf of Aden on Saturday.', published: '2008-12-14T08:00:00Z' },
    { key: 'b', text: 'Indian commandos captured 23 Somali pirates on Saturday after a chase.', published: '2008-12-13T20:00:00Z' },
    { key: 'c', text: 'On Tuesday, a volcano erupted in Chile.', published: '2008-12-14T08:00:00Z' },
  ]);
  const capture = entries.find((e) => e.date === '2008-12-13');
  assert.deepEqual(keys(capture), ['a', 'b']);
  assert.equal(capture!.sources[0]!.article, 'b', 'sources ordered by publish day');
  assert.ok(entries.some((e) => e.date === '2008-12-09' && keys(e).join() === 'c'));
});

test('timeline: articles without any date give no entries and no crash', () => {
  assert.deepEqual(buildTimeline([]), []);
  assert.deepEqual(buildTimeline([{ key: 'a', text: 'The pirates were caught on Saturday near the coast.' }]), []);
  assert.deepEqual(buildTimeline([{ key: 'a', text: '' }, { key: 'b', text: 'No time words here at all.' }]), []);
  const mixed = buildTimeline([
    { key: 'a', text: 'Nothing dated.' },
    { key: 'b', text: 'The volcano erupted on Tuesday.', published: '2008-12-10T08:00:00Z' },
  ]);
  assert.deepEqual(mixed.map((e) => keys(e).join()), ['b']);
});

test('timeline: one article, a 2,000-word sentence, another language, text without capitals', () => {
  const one = buildTimeline([{ key: 'a', text: 'The congress opened on Tuesday. On its second day on Wednesday, Kim vowed to bolster defense.', published: '2021-01-07T00:00:00Z' }]);
  assert.ok(one.some((e) => e.date === '2021-01-06' && e.label === 'day 2'), JSON.stringify(one));
  assert.ok(one.some((e) => e.date === '2021-01-05'));

  const words = 'the delegates debated the plan and the budget and the reforms'.split(' ');
  const random = seededRandom(7);
  const long = Array.from({ length: 2000 }, () => words[Math.floor(random() * words.length)]).join(' ');
  const text = `Kim spoke on Thursday and ${long}.`;
  const started = performance.now();
  const huge = buildTimeline([{ key: 'a', text, published: '2021-01-08T00:00:00Z' }]);
  assert.ok(performance.now() - started < 2000);
  assert.equal(huge.length, 1);
  assert.equal(huge[0]!.date, '2021-01-07');
  assert.ok(huge[0]!.text.split(/\s+/).length <= 27);
  assert.deepEqual([huge[0]!.sources[0]!.start, huge[0]!.sources[0]!.end], [0, text.length - 1 + 1]);

  const german = buildTimeline([{ key: 'a', text: 'Am Donnerstag sagte Kim, die Partei werde die Beziehungen ausbauen. Der Parteitag begann am Dienstag.', published: '2021-01-08T00:00:00Z' }]);
  assert.deepEqual(german, [], 'no English weekday or date was read into German text');

  const lower = buildTimeline([{ key: 'a', text: 'kim vowed on wednesday to bolster defense, state media said on friday. in 2019 the summit failed.', published: '2021-01-08T00:00:00Z' }]);
  for (const e of lower) assert.ok(e.sources.every((s) => s.text.length > 0 && s.start < s.end));
  assert.ok(lower.some((e) => e.date === '2019' && e.background));
});

test('timeline: same input, same output, in any time zone', async () => {
  const story = await seedStory();
  const before = process.env.TZ;
  try {
    const runs = ['Pacific/Kiritimati', 'America/Adak', 'Asia/Seoul'].map((tz) => {
      process.env.TZ = tz;
      return JSON.stringify(timelineOf(story));
    });
    assert.equal(new Set(runs).size, 1);
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
});

test('timeline: a 500-article story takes well under a second, most of it reading time expressions', () => {
  const random = seededRandom(42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const verbs = ['vowed to bolster the military', 'called for expanding external relations', 'reviewed relations with the South', 'admitted economic failures'];
  const filler = ['The economy has suffered from border closures and sanctions.', 'Observers expected gestures toward Seoul and Washington.', 'The party congress is its top decision-making body.'];
  const articles: TimelineArticle[] = Array.from({ length: 500 }, (_, i) => {
    const sentences = Array.from({ length: 12 }, (_, j) => (j % 3 ? pick(filler) : `Kim ${pick(verbs)} on ${pick(days)}, state media said. Talks stalled after the 2019 summit with Trump in Hanoi.`));
    return { key: String(i), text: sentences.join(' '), published: i % 3 ? `2021-01-${String(8 + (i % 3)).padStart(2, '0')}T10:00:00Z` : undefined };
  });
  // CPU time of this process, so that other work on the machine does not count.
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  buildTimeline(articles.slice(0, 5));
  let started = cpu();
  for (const a of articles) findTimeExpressions(a.text, '2021-01-08');
  const timex = cpu() - started;
  started = cpu();
  const entries = buildTimeline(articles);
  const total = cpu() - started;
  assert.ok(entries.length > 0);
  assert.ok(total < 1000, `${total.toFixed(0)} ms of CPU`);
  assert.ok(total < 3 * timex + 150, `${total.toFixed(0)} ms in all against ${timex.toFixed(0)} ms for the time expressions alone`);
});
