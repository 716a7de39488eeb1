// The same-claim scorer on sentences written for the test: paraphrases agree; changed numbers, names and negation do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareClaim, SAME_CLAIM_THRESHOLD, sameClaim, sameClaimScore, scorePrepared } from './same-claim.js';

const PROFIT = 'The company said on Tuesday that its quarterly profit rose 12 percent to $4.5 billion.';
const PROFIT_PARAPHRASE = 'Quarterly profit at the company rose 12 percent to $4.5 billion, it said on Tuesday.';
const PROFIT_OTHER_NUMBERS = 'The company said on Tuesday that its quarterly profit rose 31 percent to $7.2 billion.';

const ARREST = 'Police in Lyon arrested Marc Dubois on Friday after a search of his flat.';
const ARREST_REWORDED = 'Marc Dubois was arrested by police in Lyon on Friday after a search of his flat.';
const ARREST_OTHER_NAME = 'Police in Lyon arrested Karim Haddad on Friday after a search of his flat.';

const TAX = 'The finance minister said the government would raise fuel taxes next year.';
const TAX_NEGATED = 'The finance minister said the government would not raise fuel taxes next year.';

const TEAMS = 'Delegations from Brazil, Kenya, Norway and Japan signed the fishing agreement in Geneva.';
const TEAMS_REORDERED = 'Delegations from Japan, Norway, Brazil and Kenya signed the fishing agreement in Geneva.';

const UNRELATED = 'Heavy snow closed the mountain pass and stranded dozens of trucks overnight.';

test('a paraphrase is the same claim; the same sentence with other numbers scores lower and is not', () => {
  const same = sameClaim(PROFIT, PROFIT_PARAPHRASE);
  const other = sameClaim(PROFIT, PROFIT_OTHER_NUMBERS);
  assert.equal(same.sameClaim, true, `paraphrase scored ${same.score}`);
  assert.equal(other.sameClaim, false, `other numbers scored ${other.score}`);
  assert.ok(same.score > other.score + 0.2, `${same.score} vs ${other.score}`);
});

test('another person arrested is another claim, though every other word is shared', () => {
  const same = sameClaimScore(ARREST, ARREST_REWORDED);
  const other = sameClaimScore(ARREST, ARREST_OTHER_NAME);
  assert.ok(same >= SAME_CLAIM_THRESHOLD, `reworded scored ${same}`);
  assert.ok(other < same, `${other} vs ${same}`);
  assert.equal(sameClaim(ARREST, ARREST_OTHER_NAME).sameClaim, false, `other name scored ${other}`);
});

test('a negated claim is not the same claim', () => {
  const negated = sameClaim(TAX, TAX_NEGATED);
  assert.equal(negated.sameClaim, false, `negated scored ${negated.score}`);
  assert.ok(negated.score < sameClaimScore(TAX, TAX), `${negated.score}`);
});

test('a list in another order is the same claim; an unrelated sentence is not', () => {
  assert.equal(sameClaim(TEAMS, TEAMS_REORDERED).sameClaim, true, `reordered scored ${sameClaimScore(TEAMS, TEAMS_REORDERED)}`);
  const unrelated = sameClaimScore(TEAMS, UNRELATED);
  assert.ok(unrelated < 0.1, `unrelated scored ${unrelated}`);
});

test('scores are probabilities, symmetric, and the same from prepared sentences', () => {
  const sentences = [PROFIT, PROFIT_PARAPHRASE, ARREST, TAX_NEGATED, TEAMS, UNRELATED, '', '42'];
  const prepared = sentences.map(prepareClaim);
  for (let i = 0; i < sentences.length; i++) {
    for (let j = 0; j < sentences.length; j++) {
      const score = sameClaimScore(sentences[i]!, sentences[j]!);
      assert.ok(score >= 0 && score <= 1 && Number.isFinite(score), `${i},${j}: ${score}`);
      assert.ok(Math.abs(score - sameClaimScore(sentences[j]!, sentences[i]!)) < 1e-12, `asymmetric at ${i},${j}`);
      assert.equal(scorePrepared(prepared[i]!, prepared[j]!), score);
      assert.deepEqual(sameClaim(prepared[i]!, prepared[j]!), { sameClaim: score >= SAME_CLAIM_THRESHOLD, score });
    }
  }
  assert.ok(sameClaimScore(PROFIT, PROFIT) > 0.9);
});
