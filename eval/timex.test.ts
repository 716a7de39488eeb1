// Tests for the TimeML reader and the TempEval-3 Task A scoring used by the time-expression evaluation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countMatches, decodeEntities, parseTimeml, taskAScores, type TimexSpan } from './timex.js';

const DOCUMENT = `<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">2001-05-04</TIMEX3></DCT>
<TEXT>
Smith &amp; Sons <EVENT eid="e1">opened</EVENT> a shop <TIMEX3 tid="t1" type="DATE" value="2001-05-03">Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> of &quot;planning&quot;.
</TEXT>
</TimeML>`;

test('parseTimeml keeps gold offsets in the decoded plain text', () => {
  const document = parseTimeml(DOCUMENT);
  assert.equal(document.dct, '2001-05-04');
  assert.equal(document.text, '\nSmith & Sons opened a shop Thursday after two years of "planning".\n');
  assert.deepEqual(
    document.timexes.map((t) => [t.text, t.type, t.value, document.text.slice(t.start, t.end)]),
    [
      ['Thursday', 'DATE', '2001-05-03', 'Thursday'],
      ['two years', 'DURATION', 'P2Y', 'two years'],
    ],
  );
});

test('parseTimeml says what is missing', () => {
  assert.throws(() => parseTimeml('<TimeML><TEXT>x</TEXT></TimeML>'), /expecting <DCT>/);
});

test('decodeEntities handles named and numeric references', () => {
  assert.equal(decodeEntities('a &lt;b&gt; &#65;&#x42; &unknown;'), 'a <b> AB &unknown;');
});

const span = (start: number, end: number, value: string, type = 'DATE'): TimexSpan => ({ start, end, text: '', type, value });

test('countMatches scores strict, relaxed, value and type; one gold span counts once', () => {
  const gold = [span(0, 6, '2001-05-03'), span(10, 19, 'P2Y', 'DURATION'), span(30, 35, '2001')];
  const system = [
    span(0, 6, '2001-05-03'), // exact, right value
    span(8, 19, 'P3Y', 'DURATION'), // overlapping, wrong value
    span(12, 14, 'P2Y', 'DURATION'), // overlaps the same gold span again: no second credit
    span(40, 44, '2002'), // spurious
  ];
  const counts = countMatches(gold, system);
  assert.deepEqual(counts, { gold: 3, system: 4, strict: 1, relaxed: 2, value: 1, type: 2 });
  const scores = taskAScores(counts);
  assert.equal(scores.relaxedP, 0.5);
  assert.equal(scores.relaxedR, 2 / 3);
  assert.equal(scores.valueF1, (2 * 0.25 * (1 / 3)) / (0.25 + 1 / 3));
  assert.equal(scores.strictF1, (2 * 0.25 * (1 / 3)) / (0.25 + 1 / 3));
});

test('taskAScores is zero, not NaN, on empty input', () => {
  const scores = taskAScores({ gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 });
  assert.equal(scores.relaxedF1, 0);
  assert.equal(scores.typeAccuracy, 0);
});
