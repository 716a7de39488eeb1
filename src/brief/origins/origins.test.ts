import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originGroups, type OriginArticle } from './origins.js';

const WIRE =
  'The city council voted on Tuesday to close the old harbour bridge to cars for two years while engineers replace its rusted steel supports. ' +
  'The mayor said the repairs would cost far more than the council had set aside last spring and that buses would take a longer route. ' +
  'Shop owners near the bridge warned that fewer customers would reach the market during the works.';
const REWRITE =
  'Drivers face a long detour. The city council voted on Tuesday to close the old harbour bridge to cars for two years while engineers replace its rusted steel supports. ' +
  'Cyclists and walkers may still cross, a spokesman for the works department told reporters in the town hall on Wednesday morning.';
const OTHER =
  'Councillors chose to shut the harbour crossing for road traffic. Repairs to the corroded supports are expected to last until 2027, officials said, ' +
  'and the mayor admitted the budget would not cover them. Traders fear the market will lose business.';
const QUOTE = '“We will not let the market die because a bridge is closed for repairs that should have been done ten years ago,” the mayor said on Tuesday.';

const article = (ref: number, text: string, credits: string[] = []): OriginArticle => ({ ref, text, outlet: `outlet ${ref}`, credits });

test('origin groups: a copy and a rewrite that copies a long sentence join the origin; an independent report stays apart', () => {
  const groups = originGroups([article(1, WIRE, ['AP']), article(2, WIRE.replace('Tuesday', 'Tuesday evening'), ['AP']), article(3, REWRITE), article(4, OTHER)]);
  assert.equal(groups.length, 2);
  const [wire, other] = groups;
  assert.equal(wire!.origin, 1);
  assert.deepEqual(wire!.members.map((m) => [m.ref, m.copies, m.link]), [[1, null, 'origin'], [2, 1, 'near-duplicate'], [3, 1, 'copied-passage']]);
  assert.deepEqual(wire!.credited, ['AP']);
  assert.ok(wire!.members[2]!.sharedWords >= 22 && wire!.members[2]!.sharedWords <= 30, String(wire!.members[2]!.sharedWords));
  assert.deepEqual(other!.members.map((m) => m.ref), [4]);
});

test('origin groups: a shared quotation is not copying, and credits alone do not merge', () => {
  const groups = originGroups([article(1, `${QUOTE} ${OTHER}`, ['AP', 'Reuters']), article(2, `Officials met the traders. ${QUOTE}`, ['AP'])]);
  assert.equal(groups.length, 2, JSON.stringify(groups));
});

test('origin groups: a rewrite weaving in sentences of two reports joins the one it copies most, and the two reports stay two', () => {
  const second = 'Engineers inspecting the harbour bridge last month found that water had eaten deep into the steel supports under the eastern span, the works department report says. ' + OTHER;
  const mixed = `${WIRE} Engineers inspecting the harbour bridge last month found that water had eaten deep into the steel supports under the eastern span, the works department report says.`;
  const groups = originGroups([article(1, WIRE), article(2, second), article(3, mixed)]);
  assert.equal(groups.length, 2);
  assert.deepEqual(groups[0]!.members.map((m) => m.ref), [1, 3]);
});

test('origin groups: no text, one article, text without words give one group each and no crash', () => {
  assert.deepEqual(originGroups([]), []);
  assert.equal(originGroups([article(1, '')]).length, 1);
  assert.equal(originGroups([article(1, '!!! ???'), article(2, '!!! ???')]).length, 2);
});
