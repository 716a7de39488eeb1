// Tests for the clean stage on the seed pages and small texts: furniture lines out, body paragraphs in, head lines out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, seedArticles } from '../../test/helpers.js';
import { normalizeUnicode } from './01-unicode.js';
import { isNoiseLine } from './02-lines.js';
import { Article } from '../article.js';
import { clean, cleanText } from './clean.js';

const OBSERVERS = 'Some observers say North Korea is frustrated';

/** The lines of a cleaned text (paragraphs are separated by blank lines). */
const linesOf = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

test('no cleaned seed keeps a furniture line (whole line, any case)', async () => {
  const furniture = /^(advertisement|back to top|leave a reply|most popular|subscribe)$/i;
  for (const [name, article] of await seedArticles()) {
    for (const line of linesOf(article.text)) assert.doesNotMatch(line, furniture, `seed ${name} kept "${line}"`);
    for (const word of ['Advertisement', 'Back To Top', 'Leave a Reply', 'MOST POPULAR']) {
      assert.ok(!article.text.includes(word), `seed ${name} still contains "${word}"`);
    }
  }
});

test('comment forms and staff notes after a sign-off are gone', async () => {
  const text = (await seed('002')).text;
  assert.ok(!/Your email address will not be published/i.test(text));
  assert.ok(!/Akismet/.test(text));
  assert.ok(!/can be contacted by e-mail/.test(text));
  assert.ok(text.endsWith('tg/rs (AP, Reuters)'), 'the credit line that signs off the article is kept');
  const korea = (await seed('003')).text;
  assert.ok(!korea.includes('LATEST NEWS') && !korea.includes('소아쌤'));
  assert.ok(korea.endsWith('By Choi Si-young (siyoungchoi@heraldcorp.com)'), 'the byline sign-off is kept');
});

test('body paragraphs are kept: the shared "Some observers say" paragraph is in 000 and 001', async () => {
  for (const name of ['000', '001']) {
    const text = (await seed(name)).text;
    assert.ok(text.includes(`${OBSERVERS} because Seoul has failed to break away from Washington`), `seed ${name} lost the paragraph`);
  }
  assert.ok((await seed('000')).text.startsWith('SEOUL (Dispatches) -- North Korean leader Kim Jong Un explored'));
  assert.ok((await seed('003')).text.includes('requested vaccines from Gavi'));
  assert.ok((await seed('001')).text.includes('has called Kim a “thug”'));
});

test('head lines (kicker, title, date and id lines) are out of the body and offered as head lines', async () => {
  const s000 = await seed('000');
  for (const line of ['Monday 18 January 2021', 'News ID: 86346', 'Publish Date: 08 January 2021 - 21:17']) {
    assert.ok(!s000.text.includes(line), `000 kept "${line}"`);
  }
  const s001 = await seed('001');
  assert.ok(!s001.text.includes('Making A Difference'));
  assert.ok(!s001.text.includes('Vows To Improve Ties With Outside World'), 'the title (printed twice) is out of the body');
  assert.ok(s001.data.headLines?.includes('North Korea’s Kim Jong Un Vows To Improve Ties With Outside World At Party Meeting'));
  const s002 = await seed('002');
  assert.ok(!s002.text.includes('Thebritishjournal'));
  const s003 = await seed('003');
  assert.ok(!s003.text.includes('N. Korea vows to bolster defense on 2nd day of party congress'));
  // The photo caption printed twice is kept once.
  assert.equal(s003.text.split('convenes the 8th Congress').length - 1, 1);
});

test('001: the standfirst above the title is a head line, not the first body paragraph', async () => {
  // The page opens: kicker, title, standfirst (a copy of the body's KCNA paragraph in straight quotes), ad, title again.
  const text = (await seed('001')).text;
  assert.ok(
    text.startsWith('North Korean leader Kim Jong Un underscored the need'),
    `expected the body to open with the lede, found: ${text.slice(0, 100)}`,
  );
});

test('cleanText: line by line, with paragraphs joined by blank lines and spaces collapsed', () => {
  const raw = [
    'Advertisement',
    'A short headline about the floods',
    '',
    'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.',
    'SUBSCRIBE',
    'Rescue  teams\u00a0worked through the night to reach villages cut off by the water, the regional governor said.',
    'Share this article',
    'Read more',
  ].join('\r\n');
  const result = cleanText(raw);
  assert.equal(
    result.text,
    'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.\n\n' +
      'Rescue teams worked through the night to reach villages cut off by the water, the regional governor said.',
  );
  assert.deepEqual(result.headLines, ['A short headline about the floods']);
  assert.deepEqual(
    result.removed.filter((r) => r.rule === 'noise-line').map((r) => r.line),
    ['Advertisement', 'SUBSCRIBE', 'Share this article', 'Read more'],
  );
});

test('noise lines only match whole lines: a sentence mentioning "subscribe" or "advertisement" stays', () => {
  assert.ok(isNoiseLine('Subscribe'));
  assert.ok(isNoiseLine('  MOST POPULAR  '));
  assert.ok(isNoiseLine('Back To Top »'));
  assert.ok(!isNoiseLine('Readers who subscribe to the paper get the print edition on Sundays.'));
  assert.ok(!isNoiseLine('The advertisement campaign cost the party two million dollars, officials said.'));
  const kept = cleanText('Readers who subscribe to the paper get the print edition on Sundays, the publisher said on Monday.');
  assert.match(kept.text, /subscribe to the paper/);
});

test('normalizeUnicode: line ends, NBSP, zero-width and soft hyphen, NFC', () => {
  assert.equal(normalizeUnicode('a\r\nb\rc'), 'a\nb\nc');
  assert.equal(normalizeUnicode('Kim\u00a0Jong\u2009Un'), 'Kim Jong Un');
  assert.equal(normalizeUnicode('de\u00adnu\u200bclear\ufeff'), 'denuclear');
  assert.equal(normalizeUnicode('cafe\u0301'), 'café');
});

test('clean without the source map: the same text, head lines and removed lines, no map', async () => {
  for (const article of (await seedArticles()).values()) {
    const mapped = new Article(article.source, { ...article.input });
    const lean = new Article(article.source, { ...article.input });
    clean(mapped);
    clean(lean, { sourceMap: false });
    assert.equal(lean.text, mapped.text);
    assert.deepEqual(lean.data.headLines, mapped.data.headLines);
    assert.deepEqual(lean.data.removed, mapped.data.removed);
    assert.ok(mapped.data.sourceMap);
    assert.equal(lean.data.sourceMap, undefined);
  }
});
