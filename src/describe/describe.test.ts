// Tests for the describe stage on the seeds (title, outlet, time, dateline, credits, byline, language) and its parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, seedArticles } from '../../test/helpers.js';
import { Article } from '../article.js';
import { prepare } from '../pipeline.js';
import { cleanByline, findByline } from './byline.js';
import { findCitedSources, findCredits } from './credits.js';
import { findDateline } from './dateline.js';
import { publishedFromText } from './published.js';
import { splitTitleSuffix, titleFromLede } from './title.js';

test('seed titles come from the page head, without the site suffix', async () => {
  assert.equal((await seed('001')).title, 'North Korea’s Kim Jong Un Vows To Improve Ties With Outside World At Party Meeting');
  const s002 = await seed('002');
  assert.equal(s002.title, 'Kim Jong Un vows to enhance worldwide ties');
  assert.equal(s002.outlet, 'Thebritishjournal');
  assert.equal((await seed('003')).title, 'N. Korea vows to bolster defense on 2nd day of party congress');
});

test('000 has no title line: the lede stands in and a describe:no-title message says so', async () => {
  const s000 = await seed('000');
  assert.ok(s000.title?.startsWith('North Korean leader Kim Jong Un explored ways'), `title was ${s000.title}`);
  assert.ok(!s000.title?.includes('SEOUL'), 'the dateline is not part of the stand-in title');
  assert.ok(s000.messages.some((m) => m.rule === 'describe:no-title'));
});

test('000: publish time from "Publish Date: 08 January 2021 - 21:17", not the "Monday 18 January 2021" line', async () => {
  assert.equal((await seed('000')).published, '2021-01-08T21:17:00.000Z');
});

test('000: dateline "SEOUL (Dispatches) --" with its span', async () => {
  const s000 = await seed('000');
  const dateline = s000.data.dateline;
  assert.ok(dateline);
  assert.equal(dateline.place, 'SEOUL');
  assert.equal(dateline.agency, 'Dispatches');
  assert.equal(s000.text.slice(dateline.start, dateline.end).trim(), 'SEOUL (Dispatches) --');
  for (const name of ['001', '002', '003']) assert.equal((await seed(name)).data.dateline, undefined, `seed ${name} has no dateline`);
});

test('credits: 002 credits AP and Reuters, 003 credits KCNA and Yonhap; KCNA is cited by 000-002', async () => {
  assert.deepEqual((await seed('002')).data.credits, ['AP', 'Reuters']);
  assert.deepEqual((await seed('003')).data.credits, ['KCNA', 'Yonhap']);
  assert.deepEqual((await seed('000')).data.credits, []);
  for (const name of ['000', '001', '002']) assert.ok((await seed(name)).data.cited?.includes('KCNA'), `seed ${name} cites KCNA`);
});

test('003: byline "Choi Si-young" without the e-mail address; outlet hint from the e-mail domain', async () => {
  const s003 = await seed('003');
  assert.deepEqual(s003.authors, ['Choi Si-young']);
  assert.ok(!s003.authors.join(' ').includes('@'));
  assert.equal(s003.outlet, 'heraldcorp.com');
  for (const name of ['000', '001', '002']) assert.deepEqual((await seed(name)).authors, [], `seed ${name} names no author`);
});

test('every seed is detected as English', async () => {
  for (const [name, article] of await seedArticles()) assert.equal(article.language, 'en', `seed ${name}`);
});

test('fields given by the input win over what the text suggests', () => {
  const article = new Article(
    { file: 'x.jsonl', line: 1 },
    {
      title: 'Given title',
      outlet: 'Given Outlet',
      published: '2020-05-05T00:00:00.000Z',
      authors: ['Given Author'],
      language: 'de',
      text: 'Publish Date: 08 January 2021 - 21:17\n\nSEOUL (AP) -- North Korean leader Kim Jong Un vowed on Friday to expand the external relations of his country, state media said.\n\nBy Choi Si-young (siyoungchoi@heraldcorp.com)',
    },
  );
  prepare(article, ['clean', 'describe']);
  assert.equal(article.title, 'Given title');
  assert.equal(article.outlet, 'Given Outlet');
  assert.equal(article.published, '2020-05-05T00:00:00.000Z');
  assert.deepEqual(article.authors, ['Given Author']);
  assert.equal(article.language, 'de');
  assert.deepEqual(article.data.credits, ['AP'], 'the dateline agency is a credit');
});

test('byline cleaning drops "By", e-mails, handles and junk, and splits names', () => {
  assert.deepEqual(cleanByline('By Choi Si-young (siyoungchoi@heraldcorp.com)'), ['Choi Si-young']);
  assert.deepEqual(cleanByline('By Jane Doe and John Roe | Email the author'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(cleanByline('by Ann Lee, @annlee, Staff Writer'), ['Ann Lee']);
  assert.deepEqual(findByline('First paragraph of the story.\n\nBy Kim Tong-hyung\n\nMore text.'), ['Kim Tong-hyung']);
  assert.deepEqual(findByline('Nobody signs this one.'), []);
});

test('credits: "(KCNA) reported" is an abbreviation, not a credit; "(AP) —" is', () => {
  assert.deepEqual(findCredits('The Korean Central News Agency (KCNA) reported Kim said so.'), []);
  assert.deepEqual(findCredits('WASHINGTON (AP) — The talks resumed.'), ['AP']);
  assert.deepEqual(findCitedSources('Kim spoke, KCNA said, and he also wept, according to Yonhap.'), ['KCNA', 'Yonhap']);
  assert.deepEqual(findCitedSources('the ap said nothing'), []);
});

test('cited sources: "According to Yonhap" at the start of a sentence counts too', () => {
  assert.deepEqual(findCitedSources('According to Yonhap, he also wept.'), ['Yonhap']);
});

test('dateline needs a capitalised place and a separator', () => {
  assert.deepEqual(findDateline('NAIROBI, Kenya (AP) _ Police said.'), { place: 'NAIROBI, Kenya', agency: 'AP', start: 0, end: 22 });
  assert.equal(findDateline('The talks in SEOUL -- ended.'), undefined);
  assert.equal(findDateline('Seoul -- talks ended.'), undefined);
});

test('title helpers: site suffix split, lede title cut at 14 words', () => {
  assert.deepEqual(splitTitleSuffix('Kim Jong Un vows to enhance worldwide ties – Thebritishjournal'), { title: 'Kim Jong Un vows to enhance worldwide ties', site: 'Thebritishjournal' });
  assert.deepEqual(splitTitleSuffix('Kim vows - and then'), { title: 'Kim vows - and then' });
  assert.equal(titleFromLede('One two three. Four.'), 'One two three');
  assert.equal(titleFromLede('a b c d e f g h i j k l m n o p q.'), 'a b c d e f g h i j k l m n …');
});

test('publishedFromText: a labelled line wins; a bare date line is used otherwise; nothing found -> undefined', () => {
  assert.equal(publishedFromText('Monday 18 January 2021\nPublish Date: 08 January 2021 - 21:17\nText.'), '2021-01-08T21:17:00.000Z');
  assert.equal(publishedFromText('January 7, 2021\nText of the article.'), '2021-01-07T00:00:00.000Z');
  assert.equal(publishedFromText('No date in this text at all.'), undefined);
});
