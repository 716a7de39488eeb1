// Tests for word tokens (offsets, folding) and shingle hashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hashString, normShingleHashes, shingleHashes, tokenize, tokenNorms } from './tokens.js';

test('tokens carry offsets that slice back to the word', () => {
  const text = 'SEOUL (Dispatches) -- Kim’s “party” met in 2021, U.S.-led talks stalled.';
  const tokens = tokenize(text);
  for (const token of tokens) {
    assert.equal(text.slice(token.start, token.end).toLowerCase().replace(/’/g, "'"), token.norm);
  }
  assert.deepEqual(
    tokens.map((t) => t.norm),
    ['seoul', 'dispatches', "kim's", 'party', 'met', 'in', '2021', 'u', 's', 'led', 'talks', 'stalled'],
  );
  assert.deepEqual([tokens[0]!.start, tokens[0]!.end], [0, 5]);
});

test('norms fold case, curly apostrophes and diacritics; offsets stay in the original string', () => {
  const text = 'Café Kim’s CAFÉ';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.norm), ['cafe', "kim's", 'cafe']);
  assert.equal(text.slice(tokens[2]!.start, tokens[2]!.end), 'CAFÉ');
});

test('non-Latin scripts are words too, and their norms are stable', () => {
  const text = '김정은 위원장 Пхеньян';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ['김정은', '위원장', 'Пхеньян']);
  assert.deepEqual(tokens.map((t) => t.norm.normalize('NFC')), ['김정은', '위원장', 'пхеньян']);
  assert.deepEqual(tokenize('김정은').map((t) => t.norm), [tokens[0]!.norm]);
});

test('shingle hashes: one per run of `size` tokens, one for shorter texts, none for no text', () => {
  const tokens = tokenize('a b c d e f g');
  assert.equal(shingleHashes(tokens, 5).length, 3);
  assert.equal(shingleHashes(tokenize('a b'), 5).length, 1);
  assert.equal(shingleHashes([], 5).length, 0);
  // Order matters inside a shingle; the same words in the same order give the same hash.
  const [x] = shingleHashes(tokenize('one two three four five'), 5);
  const [y] = shingleHashes(tokenize('ONE two, three; four five!'), 5);
  const [z] = shingleHashes(tokenize('two one three four five'), 5);
  assert.equal(x, y);
  assert.notEqual(x, z);
});

test('hashString is FNV-1a 32-bit', () => {
  assert.equal(hashString(''), 0x811c9dc5);
  assert.equal(hashString('a'), 0xe40c292c);
});

test('texts that share lines within one run are tokenised as each is alone (the per-line memo changes nothing)', async () => {
  // The tokens of a whole text at once, as before lines were memoised: the reference.
  const whole = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((m) => {
      const lower = m[0].toLowerCase();
      const norm = /[^\u0000-\u007f]/.test(lower) ? lower.replace(/’/g, "'").normalize('NFKD').replace(/\p{M}/gu, '') : lower;
      return { norm, start: m.index, end: m.index + m[0].length };
    });
  const lines = ['Kim’s “party” met in 2021,', '', 'U.S.-led talks stalled.\r', 'Café Zürich’s owner said', "  d'Artagnan 12,000 "];
  const texts = [lines.join('\n'), [...lines].reverse().join('\n'), lines.slice(1).join('\n\n'), `\n${lines[0]}\n`, lines[3]!, ''];
  await new Promise((resolve) => setImmediate(resolve));
  for (const text of [...texts, ...texts]) assert.deepEqual(tokenize(text), whole(text), JSON.stringify(text));
});

test('tokenNorms gives the norms of tokenize, and normShingleHashes its shingles, on any text (property)', () => {
  // Letters, digits, apostrophes (straight and curly), accents, spaces, punctuation, line breaks, an astral letter.
  const pieces = ['a', 'Z', 'q', '7', '0', "'", '’', 'é', 'É', 'ß', 'e\u0301', ' ', '  ', '-', '.', ',', '\n', '\n\n', '\t', '𝒜', '中', '٣', 'Ⅻ', '\u212a', 'İ', '\ud800', '’s', 'don\'t', "o'", "'s"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const tokens = tokenize(text);
      assert.deepEqual(tokenNorms(text), tokens.map((t) => t.norm));
      assert.deepEqual(normShingleHashes(tokenNorms(text), 5), shingleHashes(tokens, 5));
    }),
    { numRuns: 2000, seed: 20261203 },
  );
  assert.deepEqual(tokenNorms("Rock'n'roll isn't 42's\nKim’s café"), ["rock'n", 'roll', "isn't", "42's", "kim's", 'cafe']);
});
