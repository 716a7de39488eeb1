import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupClaims, indexTerms, type ClaimScorer } from './claims.js';
import { findLists, sameList } from './lists.js';
import { claimUnits, datelineLength, notClaimReason } from './units.js';

/** A transparent scorer for the grouping logic: the share of index terms two statements have in common. */
const overlap: ClaimScorer<Set<string>> = {
  prepare: indexTerms,
  score: (a, b) => {
    let shared = 0;
    for (const t of a) if (b.has(t)) shared++;
    return shared / Math.max(1, Math.min(a.size, b.size));
  },
  threshold: 0.6,
};

test('claim units: captions, bylines, boilerplate and datelines are not claims', () => {
  assert.equal(notClaimReason('The mayor opens the new harbour bridge in Springfield, Oregon, Jan. 6, 2021.'), 'photo caption');
  assert.equal(notClaimReason('Copyright 2021 The Daily Planet. All rights reserved.'), 'caption, byline or boilerplate');
  assert.equal(notClaimReason('Reporting by Jane Doe; editing by John Roe in the London newsroom'), 'caption, byline or boilerplate');
  assert.equal(notClaimReason('Too short to say much.'), 'too short');
  assert.equal(notClaimReason('3-1 2-2 0-0 1-4 5-0 2-1 3-3 and 7-1'), 'mostly numbers');
  assert.equal(notClaimReason('The council voted to close the bridge on Tuesday.'), null);
  const text = 'SPRINGFIELD (AP) -- The council voted to close the old bridge on Tuesday.';
  assert.equal(datelineLength(text), 'SPRINGFIELD (AP) -- '.length);
  const [unit] = claimUnits(text);
  assert.equal(text.slice(unit!.start, unit!.end), 'The council voted to close the old bridge on Tuesday.');
  assert.equal(datelineLength('The council voted to close the old bridge on Tuesday.'), 0);
});

test('claims: the same statement in two groups is one claim with 2 independent sources; copies count once', () => {
  const a = 'The council voted to close the old harbour bridge for two years. Shop owners near the market fear they will have fewer customers.';
  const b = 'The old harbour bridge will close for two years after the council voted. A new park opens in May next year.';
  const result = groupClaims(
    [
      { ref: 1, text: a, group: 1 },
      { ref: 2, text: a, group: 1 },
      { ref: 3, text: b, group: 2 },
    ],
    overlap,
  );
  const bridge = result.claims.find((c) => c.refs.length === 3);
  assert.ok(bridge, JSON.stringify(result.claims));
  assert.equal(bridge.independentSources, 2);
  assert.equal(bridge.statements.length, 3);
  assert.deepEqual(result.single.get(3)?.map((s) => b.slice(s.start, s.end)), ['A new park opens in May next year.']);
  assert.equal(result.single.get(1), undefined, 'a statement two copies carry is a claim (of one independent source), not single');
  const copies = result.claims.find((c) => c.refs.join() === '1,2');
  assert.equal(copies?.independentSources, 1);
});

test('claims: statements are compared through the index only (unrelated ones never), and empty input gives nothing', () => {
  const result = groupClaims(
    [
      { ref: 1, text: 'The council voted to close the old harbour bridge for two years.', group: 1 },
      { ref: 2, text: 'Wildfires burned thousands of acres of forest north of the capital overnight.', group: 2 },
    ],
    overlap,
  );
  assert.equal(result.compared, 0);
  assert.equal(result.claims.length, 0);
  assert.equal(result.single.size, 2);
  assert.deepEqual(groupClaims([], overlap).claims, []);
});

test('claims: statements listing the same things are one claim, the odd item in other words', () => {
  const lists = findLists('The town suffers from a shortage of nurses, failing bridges and rising rents, the report says.');
  assert.deepEqual(lists, [[['shortage', 'nurse'], ['failing', 'bridge'], ['rising', 'rent']]]);
  const reordered = findLists('It is hit by rents that keep rising, crumbling roads and a lack of nurses in U.S. terms.');
  assert.ok(sameList(lists[0]!, reordered[0]!), JSON.stringify(reordered));
  assert.ok(!sameList(lists[0]!, [['rent'], ['nurse']]), 'lists of other lengths differ');
  assert.ok(sameList([['nurse'], ['bridge'], ['rent']], [['rent'], ['road'], ['nurse']]));
  assert.ok(!sameList([['nurse'], ['bridge'], ['rent']], [['school'], ['road'], ['nurse']]));
  const result = groupClaims(
    [
      { ref: 1, text: 'The mayor spoke as the town struggles with a shortage of nurses, failing bridges and U.S.-style rents.', group: 1 },
      { ref: 2, text: 'Residents complain about soaring rents, crumbling infrastructure and the nurse shortage at the clinic.', group: 2 },
    ],
    overlap,
  );
  assert.equal(result.claims.length, 1);
  assert.deepEqual(result.claims[0]!.refs, [1, 2]);
});
