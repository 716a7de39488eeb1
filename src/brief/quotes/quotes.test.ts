// Tests of findQuotes on made-up sentences, the seed articles, and hostile input (unclosed, huge, odd).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../../eval/context.js';
import { findQuotes, type Quote } from './quotes.js';

const one = (quotes: Quote[], includes: string): Quote => {
  const found = quotes.find((q) => q.text.includes(includes));
  assert.ok(found, `expecting a quote containing "${includes}", instead found ${JSON.stringify(quotes.map((q) => q.text))}`);
  return found;
};

test('a direct quote with the speaker after it; offsets point into the text', () => {
  const text = 'The talks stalled.\n\n"We will not give in to pressure," Maria Ortega said on Tuesday.';
  const quotes = findQuotes(text);
  const q = one(quotes, 'We will not give in');
  assert.equal(q.kind, 'direct');
  assert.equal(q.text, '"We will not give in to pressure,"');
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal(q.speaker?.text, 'Maria Ortega');
  assert.equal(q.cue?.text, 'said');
  for (const quote of quotes) assert.equal(text.slice(quote.start, quote.end), quote.text);
});

test('inverted speaker, curly marks, NYT double apostrophes', () => {
  const curly = findQuotes('“It is a fragile peace,” said Ahmed Karimi, a former minister.');
  assert.equal(one(curly, 'fragile').speaker?.name, 'Ahmed Karimi');
  const nyt = findQuotes("''We need more time,'' Mr. Halvorsen said.");
  const q = one(nyt, 'more time');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.text, 'Mr. Halvorsen');
});

test('reported speech: content after the cue, without the final period; pronoun resolved to the last person', () => {
  const text = 'Lena Brandt arrived late. She said that the budget would be cut next year.';
  const q = one(findQuotes(text), 'budget');
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'that the budget would be cut next year');
  assert.equal(q.speaker?.text, 'She');
  assert.equal(q.speaker?.name, 'Lena Brandt');
});

test('according to, beliefs, and a surname resolved to the full name', () => {
  const quotes = findQuotes('Paul Okafor runs the mill. Prices rose again, according to the trade ministry. Okafor believes that the mill will close.');
  assert.equal(one(quotes, 'Prices rose').speaker?.text, 'the trade ministry');
  const belief = one(quotes, 'mill will close');
  assert.equal(belief.speaker?.name, 'Paul Okafor');
});

test('a partial quote inside reported speech is one mixed quote; a continuation paragraph extends the quote', () => {
  const mixed = findQuotes('The senator said the plan was "dead on arrival" and left.');
  assert.equal(mixed.length, 1);
  assert.equal(mixed[0]!.kind, 'mixed');
  const text = '"First part of it," Ines Moll said. "Second part of it."';
  const quotes = findQuotes(text);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.end, text.length);
});

test('a quote relayed by a medium keeps both the speaker and the medium', () => {
  const text = 'North Korean leader Kim Jong Un spoke for hours. He "declared a new line for the party," KCNA said.';
  const q = one(findQuotes(text), 'declared');
  assert.equal(q.speaker?.text, 'He');
  assert.equal(q.speaker?.name, 'Kim Jong Un');
  assert.equal(q.reportedBy?.name, 'KCNA');
});

test('hostile input: an unclosed quote, a 2,000-word sentence, no capitals, another language', () => {
  const unclosed = findQuotes('Mira Sand said: "this never ends and goes on\n\nNext paragraph here.');
  for (const q of unclosed) assert.ok(q.end <= 'Mira Sand said: "this never ends and goes on'.length + 1);
  const long = `${'the officials said that '.repeat(500)}it ended.`;
  const started = performance.now();
  const quotes = findQuotes(`${long} "${'word '.repeat(2000)}" he said`);
  assert.ok(performance.now() - started < 3000, 'a 2,000-word sentence is handled in well under 3 s');
  assert.ok(Array.isArray(quotes));
  const lower = findQuotes('"we are ready," said the mayor. he said that the roads would open.');
  assert.ok(lower.some((q) => q.text.includes('we are ready')));
  const german = findQuotes('„Wir schaffen das“, sagte die Kanzlerin am Montag in Berlin vor der Presse.');
  assert.ok(german.every((q) => q.end > q.start));
  assert.deepEqual(findQuotes(''), []);
  assert.ok(Array.isArray(findQuotes('"""“”«»\'\'``')));
});

const SEEDS = join(REPO_ROOT, 'examples', 'seeds');
const KCNA_QUOTE = 'declared the general orientation and the policy stand of our party for comprehensively expanding and developing the external relations';

test('seed articles: the KCNA quotation is Kim Jong Un relayed by KCNA; Yang Moo-jin and Harry J. Kazianis speak', { skip: !existsSync(SEEDS) && `no folder ${SEEDS}` }, () => {
  const files = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort();
  const quotesOf = (prefix: string) => findQuotes(readFileSync(join(SEEDS, files.find((f) => f.startsWith(prefix))!), 'utf8'));
  for (const prefix of ['000', '001', '002']) {
    const q = quotesOf(prefix).find((quote) => quote.text.replace(/\s+/gu, ' ').includes(KCNA_QUOTE) && quote.reportedBy);
    assert.ok(q, `seed ${prefix}: expecting the KCNA quotation with a medium`);
    assert.equal(q.speaker?.name, 'Kim Jong Un', `seed ${prefix}`);
    assert.equal(q.reportedBy?.name, 'KCNA', `seed ${prefix}`);
  }
  assert.ok(quotesOf('000').some((q) => q.speaker?.name === 'Yang Moo-jin' && q.kind === 'direct'));
  assert.ok(quotesOf('003').some((q) => q.speaker?.name === 'Harry J. Kazianis'));
});

test('entity mentions passed in name the speakers; without them findQuotes finds its own', () => {
  const text = 'Dara Quill spoke first. She said that the port would reopen in May.';
  const own = one(findQuotes(text), 'port would reopen');
  assert.equal(own.speaker?.name, 'Dara Quill');
  // The caller's canonical name wins (the brief merges names across a story).
  const given = findQuotes(text, { mentions: [{ start: 0, end: 10, text: 'Dara Quill', type: 'PER', name: 'Dara J. Quill' }] });
  assert.equal(one(given, 'port would reopen').speaker?.name, 'Dara J. Quill');
  // No person mentions: the pronoun stays unresolved rather than picking a stranger.
  assert.equal(one(findQuotes(text, { mentions: [] }), 'port would reopen').speaker?.name, null);
});

test('cost stays linear in the text length (many people, many cues, one huge sentence)', () => {
  const paragraph = (i: number) => `Officer Lee${i} Park${i} arrived. "We are looking at every option we have," Park${i} said. She added that the talks, according to aides, would go on; Park${i} told reporters that nothing was decided.\n\n`;
  const make = (n: number) => Array.from({ length: n }, (_, i) => paragraph(i)).join('');
  const cost = (text: string) => {
    findQuotes(text);
    const started = performance.now();
    findQuotes(text);
    return (performance.now() - started) / text.length;
  };
  const small = cost(make(50));
  const large = cost(make(2000));
  assert.ok(large < small * 5 + 1e-4, `per-character cost rose from ${small} to ${large}`);
  const runOn = 'He said that, '.repeat(20_000);
  const started = performance.now();
  findQuotes(runOn);
  assert.ok(performance.now() - started < 3000, 'a 20,000-cue sentence is handled in well under 3 s');
});

test('a headline speaker and colon attribute the line; a label and colon do not', () => {
  const q = one(findQuotes('Elizabeth Warren: Donald Trump Is a ‘Proven Failure’ in Business.\n\nThe senator spoke on Saturday.'), 'Proven Failure');
  assert.equal(q.text, 'Donald Trump Is a ‘Proven Failure’ in Business');
  assert.equal(q.speaker?.text, 'Elizabeth Warren');
  assert.deepEqual(findQuotes('Photo: a crowd waits outside the hall for hours.\n\nUpdate: the road stays closed until Monday.'), []);
});

test('a new paragraph of quotation is a new quote in the same voice; one in the same paragraph goes on', () => {
  const quotes = findQuotes('“We will hold the line on taxes,” Mayor Ana Ruiz said.\n\n“Nobody in this city should pay more next year.”');
  assert.equal(quotes.length, 2);
  assert.equal(quotes[1]!.speaker?.name, 'Ana Ruiz');
  // A long apposition between the parts outweighs the short second part: the range keeps the first part.
  const text = '“It is late, and the budget will not wait for anyone,” said Omar Haddad, a professor of economics at the University of Central Elsewhere who studies budgets and pensions. “We are done.”';
  const [long] = findQuotes(text);
  assert.equal(long!.text, '“It is late, and the budget will not wait for anyone,”');
});

test('titles in quotation marks are not what is said; naming verbs take the named thing; a stance takes its object', () => {
  const titled = findQuotes('Speaking on CNN’s “State of the Union,” Rep. Dana Holt said the vote would wait until spring.');
  assert.ok(titled.every((q) => !q.text.includes('State of the Union')), JSON.stringify(titled.map((q) => q.text)));
  assert.equal(one(titled, 'vote would wait').speaker?.text, 'Rep. Dana Holt');
  const named = findQuotes('Trump called the deal “a total disaster.” He took a class called “Modern Perception” in college.');
  assert.equal(one(named, 'total disaster').text, 'the deal “a total disaster.”');
  assert.ok(!named.some((q) => q.text.includes('Modern Perception')));
  const stance = one(findQuotes('Senator Mia Lee endorsed Cruz last week, saying he would win.'), 'Cruz');
  assert.equal(stance.text, 'Cruz');
  assert.equal(stance.speaker?.text, 'Senator Mia Lee');
});

test('a content inside another is part of it: one quote per stretch of text', () => {
  const quotes = findQuotes('The senator said the governor believes that taxes will rise next year.');
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.speaker?.text, 'The senator');
});
