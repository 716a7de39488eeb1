// Tests for choosing the first carrier from stated and estimated publish times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstCarrier } from './first-carrier.js';

test('first carrier: the earliest stated time wins over later ones', () => {
  const first = firstCarrier([
    { ref: 2, published: '2021-01-08T23:00:00Z' },
    { ref: 1, published: '2021-01-08T21:17:00Z' },
  ]);
  assert.equal(first?.ref, 1);
  assert.equal(first?.estimated, false);
  assert.match(first!.basis, /\[1\] published 2021-01-08 21:17 UTC; before \[2\]/);
});

test('first carrier: an estimate of the same day does not beat a stated time, but is named', () => {
  const first = firstCarrier([
    { ref: 1, published: '2021-01-08T21:17:00Z' },
    { ref: 2, estimate: { earliest: '2021-01-08', latest: '2021-01-08' } },
    { ref: 3, estimate: { earliest: '2021-01-08', latest: '2021-01-08' } },
  ]);
  assert.equal(first?.ref, 1);
  assert.equal(first?.estimated, true);
  assert.match(first!.basis, /\[2\]\[3\] have estimated dates that may be as early/);
});

test('first carrier: an estimate whose whole range is earlier comes first, marked estimated', () => {
  const first = firstCarrier([
    { ref: 1, published: '2021-01-08T21:17:00Z' },
    { ref: 4, estimate: { earliest: '2021-01-06', latest: '2021-01-07' } },
  ]);
  assert.equal(first?.ref, 4);
  assert.equal(first?.time, '2021-01-06..2021-01-07');
  assert.equal(first?.estimated, true);
});

test('first carrier: undatable carriers are named, none at all gives null', () => {
  const first = firstCarrier([{ ref: 1, published: '2021-01-08T21:17:00Z' }, { ref: 2 }]);
  assert.equal(first?.ref, 1);
  assert.match(first!.basis, /\[2\] cannot be dated/);
  assert.equal(firstCarrier([{ ref: 1 }, { ref: 2 }]), null);
  assert.equal(firstCarrier([]), null);
  const tie = firstCarrier([{ ref: 1, published: '2021-01-08T00:00:00Z' }, { ref: 2, published: '2021-01-08T00:00:00Z' }]);
  assert.match(tie!.basis, /\[2\] published at the same time/);
});
