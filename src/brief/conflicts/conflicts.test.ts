// Tests of findConflicts on sentences written for them: what is a conflict, what is not, and what must not break.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConflicts, type ConflictArticle, type FoundConflict } from './conflicts.js';
import { candidateBudget, candidatePairs } from './pairing.js';
import { prepareArticle } from './prepared.js';
import { storyStats } from './story-stats.js';

const story = (...texts: string[]): ConflictArticle[] => texts.map((text, i) => ({ ref: i + 1, text }));

/** The text each side points at, per conflict: [[ref, value], …]. */
const sidesOf = (articles: ConflictArticle[], conflict: FoundConflict) =>
  conflict.sides.map((side) => [side.ref, articles.find((a) => a.ref === side.ref)!.text.slice(side.start, side.end)] as const);

test('a changed number is found, with both versions and every article holding each', () => {
  const articles = story(
    'Fire broke out at the paint factory on Elm Road late at night. Firefighters said 12 workers were taken to hospital with burns after the blast.',
    'A blast tore through a paint factory on Elm Road. Firefighters said 15 workers were taken to hospital with burns after the blast.',
    'Firefighters said 12 workers were taken to hospital with burns after the blast at the Elm Road factory, which makes paint.',
  );
  const conflicts = findConflicts(articles);
  assert.equal(conflicts.length, 1, JSON.stringify(conflicts));
  const [conflict] = conflicts;
  assert.equal(conflict!.kind, 'number');
  assert.equal(conflict!.minor, false);
  assert.deepEqual([...conflict!.values].sort(), ['12', '15']);
  assert.deepEqual(sidesOf(articles, conflict!).sort(), [[1, '12'], [2, '15'], [3, '12']]);
  for (const side of conflict!.sides) {
    const text = articles[side.ref - 1]!.text;
    assert.ok(side.sentence.start <= side.start && side.end <= side.sentence.end, 'the value lies in its sentence');
    assert.match(text.slice(side.sentence.start, side.sentence.end), /^Firefighters said/);
    assert.equal(conflict!.values[side.version!], text.slice(side.start, side.end));
  }
});

test('a rounded figure against an exact one is minor or absent, never a conflict', () => {
  const articles = story(
    'About 2,000 people joined the march through the old town on Saturday, organisers said.',
    'Police counted 1,987 people who joined the march through the old town on Saturday.',
  );
  const major = findConflicts(articles).filter((c) => !c.minor);
  assert.deepEqual(major, []);
});

test('different quantities of different things are no conflict', () => {
  const articles = story(
    'Rescuers pulled 14 survivors from the rubble of the collapsed school in the hill town.',
    'Rescuers pulled 3 bodies from the rubble of the collapsed school in the hill town.',
    'The earthquake killed 10 people and injured 80 others in the northern province.',
    'The earthquake killed 10 people in the northern province, where 80 others were injured.',
  );
  assert.deepEqual(findConflicts(articles), []);
});

test('a changed weekday and a changed date are found as date conflicts', () => {
  const weekday = story(
    'The transport minister resigned on Tuesday after losing a confidence vote in parliament over the rail contract.',
    'The transport minister resigned on Thursday after losing a confidence vote in parliament over the rail contract.',
  );
  const [byDay] = findConflicts(weekday);
  assert.ok(byDay, 'a weekday conflict');
  assert.equal(byDay.kind, 'date');
  assert.deepEqual(sidesOf(weekday, byDay).sort(), [[1, 'Tuesday'], [2, 'Thursday']]);

  const date = story(
    'The corruption trial of the former mayor opened on March 3 in the regional court, prosecutors said.',
    'The corruption trial of the former mayor opened on March 9 in the regional court, according to prosecutors.',
  );
  const [byDate] = findConflicts(date);
  assert.ok(byDate, 'a date conflict');
  assert.equal(byDate.kind, 'date');
  assert.deepEqual(sidesOf(date, byDate).map(([, value]) => value).sort(), ['March 3', 'March 9']);
});

test('a changed name is found as a name conflict', () => {
  const articles = story(
    'The merger was announced in Madrid by the group chief executive, Maria Lopez, who called it a new start.',
    'The merger was announced in Madrid by the group chief executive, Anna Berg, who called it a new start.',
  );
  const [conflict] = findConflicts(articles);
  assert.ok(conflict, 'a name conflict');
  assert.equal(conflict.kind, 'name');
  assert.deepEqual(sidesOf(articles, conflict).sort(), [[1, 'Maria Lopez'], [2, 'Anna Berg']]);
});

test('articles that are copies of one text give no conflict', () => {
  const text =
    'Flooding closed 27 roads in the valley on Monday. The river rose 3 metres overnight, said Tom Hale of the county council. ' +
    'About 400 homes lost power, and schools in 5 villages stayed shut.';
  assert.deepEqual(findConflicts(story(text, text, text)), []);
});

test('a table of sports results does not flood the conflicts', () => {
  const articles = story(
    'Results: Arsenal 2 Chelsea 1, Leeds 0 Everton 3, Fulham 1 Spurs 1, Wolves 2 Villa 2, Forest 4 Brentford 0.\n' +
      'Scorers: Saka 12, 55, Havertz 70, Calvert-Lewin 8, 33, 61.',
    'Results: Arsenal 1 Chelsea 1, Leeds 2 Everton 3, Fulham 0 Spurs 1, Wolves 3 Villa 2, Forest 1 Brentford 0.\n' +
      'Scorers: Saka 14, 52, Havertz 77, Calvert-Lewin 9, 30, 66.',
  );
  assert.ok(findConflicts(articles).length <= 1, 'at most one conflict from two tables');
});

test('articles in two languages give no crash and no nonsense', () => {
  const articles = story(
    'Der Minister trat am Dienstag zurück, nachdem 12 Abgeordnete gegen ihn gestimmt hatten.',
    'The minister resigned on Tuesday after 14 members of parliament voted against him.',
    'Le ministre a démissionné mardi après que 12 députés ont voté contre lui.',
  );
  const conflicts = findConflicts(articles);
  assert.ok(Array.isArray(conflicts));
  assert.deepEqual(conflicts, []);
});

test('a sentence of 2,000 words neither crashes nor takes long', () => {
  const words = Array.from({ length: 2000 }, (_, i) => (i % 17 === 0 ? String(i) : i % 23 === 0 ? 'Paris' : 'word'));
  const long = `${words.join(' ')}.`;
  const started = performance.now();
  const conflicts = findConflicts(story(long, long.replace('17', '18'), 'A short text with 3 numbers, 4 names and Tuesday.'));
  assert.ok(Array.isArray(conflicts));
  assert.ok(performance.now() - started < 1000, `took ${(performance.now() - started).toFixed(0)} ms`);
});

test('500 articles of one story: the pairs weighed are bounded by the work budget, never all pairs', () => {
  const places = ['Elm Road', 'the harbour', 'the old mill', 'the rail yard', 'the city centre'];
  const articles: ConflictArticle[] = Array.from({ length: 500 }, (_, i) => ({
    ref: i + 1,
    text: Array.from({ length: 30 }, (_, s) => {
      const n = (i * 7 + s * 13) % 97;
      return `Witness ${s} near ${places[(i + s) % places.length]} said ${n} people saw the ${s % 2 ? 'fire' : 'flood'} on ${['Monday', 'Tuesday', 'Friday'][(i + s) % 3]} at ${places[s % places.length]}, officials of district ${s} said.`;
    }).join(' '),
  }));
  // Speed is measured by the brief bench (npm run bench -- brief), not timed here: the cost is bounded by the
  // candidates each slot may meet, which this checks.
  const prepared = articles.map((a) => prepareArticle(a.ref, a.text, a.published));
  const slots = prepared.reduce((sum, a) => sum + a.slots.length, 0);
  const { evaluated } = candidatePairs(prepared, storyStats(prepared), () => true);
  assert.ok(slots > 10_000, `expecting a story of many slots, instead found ${slots}`);
  assert.ok(evaluated <= slots * candidateBudget(slots), `${evaluated} pairs weighed for ${slots} slots`);
  assert.ok(evaluated < (slots * (slots - 1)) / 2 / 100, `${evaluated} pairs weighed: not a scan of all ${(slots * (slots - 1)) / 2} pairs`);
  assert.ok(Array.isArray(findConflicts(articles)));
});

test('the same input in another order gives the same conflicts, sorted', () => {
  const articles = story(
    'Firefighters said 12 workers were taken to hospital with burns after the blast at the paint factory.',
    'Firefighters said 15 workers were taken to hospital with burns after the blast at the paint factory.',
    'The transport minister resigned on Tuesday after losing a confidence vote in parliament.',
    'The transport minister resigned on Thursday after losing a confidence vote in parliament.',
  );
  const forward = findConflicts(articles);
  const backward = findConflicts([...articles].reverse());
  assert.equal(forward.length, 2);
  assert.deepEqual(backward, forward);
  const firsts = forward.map((c) => [c.sides[0]!.ref, c.sides[0]!.start]);
  assert.deepEqual(firsts, [...firsts].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
});

test('copies (every sentence word for word in an earlier article) join the sides of the version they copy, at their own offsets', () => {
  const original = 'Fire broke out at the paint factory on Elm Road late at night. Firefighters said 12 workers were taken to hospital with burns after the blast.';
  const rewrite = 'A blast tore through a paint factory on Elm Road. Firefighters said 15 workers were taken to hospital with burns after the blast.';
  // A wire copy: the original's sentences in another order and layout.
  const copy = 'Firefighters said 12 workers were taken to hospital with burns after the blast.\n\nFire broke out at the paint factory on Elm Road late at night.';
  const articles = story(original, rewrite, copy, copy);
  const conflicts = findConflicts(articles);
  assert.equal(conflicts.length, 1, JSON.stringify(conflicts));
  assert.deepEqual(sidesOf(articles, conflicts[0]!).sort(), [[1, '12'], [2, '15'], [3, '12'], [4, '12']]);
  for (const side of conflicts[0]!.sides) {
    const text = articles[side.ref - 1]!.text;
    assert.match(text.slice(side.sentence.start, side.sentence.end), /^Firefighters said/);
    assert.equal(conflicts[0]!.values[side.version!], text.slice(side.start, side.end));
  }
  assert.deepEqual(findConflicts(story(copy, copy, copy)), [], 'copies of one text never conflict');
});
