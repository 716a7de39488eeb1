// Entity finding and merging on made-up text and on the seed articles: core spans, aliases, robustness, speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities, mergeEntities, type EntityMention } from './entities.js';
import { findRawMentions, type RawMention } from './find.js';
import { SEEDS_DIR } from '../../../test/helpers.js';

const spans = (text: string) => findEntities(text).map((m) => `${m.type}:${m.text}`);
const nameOf = (mentions: EntityMention[], text: string) => mentions.find((m) => m.text === text)?.name;

test('mentions are cores: no article, title or descriptor, and offsets index the text', () => {
  const text = 'President Vladimir Putin met officials of the US Treasury and aircraft maker Boeing in Moscow on Monday.';
  const mentions = findEntities(text);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  assert.deepEqual(mentions.map((m) => `${m.type}:${m.text}`), ['PER:Vladimir Putin', 'ORG:US Treasury', 'ORG:Boeing', 'LOC:Moscow']);
});

test('titles inside a run of capitals split it; possessives and `-based` are left out', () => {
  assert.deepEqual(spans('Shares fell after Acme Corp. CEO Jane Doe resigned.'), ['ORG:Acme Corp.', 'PER:Jane Doe']);
  assert.deepEqual(spans("They met at North Korea's border with a Seoul-based group."), ['LOC:North Korea', 'LOC:Seoul']);
});

test('hyphenated Korean, Chinese and Arabic names stay whole and are people', () => {
  assert.deepEqual(spans('Talks between Kim Jong-un and Yang Moo-jin ended; Abu Bakr al-Baghdadi was absent.'), [
    'PER:Kim Jong-un',
    'PER:Yang Moo-jin',
    'PER:Abu Bakr al-Baghdadi',
  ]);
});

test('aliases share one name within a text: country forms, surnames, a bracketed acronym', () => {
  const text =
    'N. Korea and the United States met. North Korea said the U.S. and the US Navy were ready. ' +
    'Officials of the Royal Air Force (RAF) came. Aircraft maker Northwind Aero said Mary Koslov, its chief, would go. Koslov declined. ' +
    'The RAF and Northwind agreed.';
  const mentions = findEntities(text);
  assert.equal(nameOf(mentions, 'N. Korea'), 'North Korea');
  assert.equal(nameOf(mentions, 'North Korea'), 'North Korea');
  assert.equal(nameOf(mentions, 'U.S.'), 'United States');
  assert.equal(nameOf(mentions, 'Koslov'), 'Mary Koslov');
  assert.equal(nameOf(mentions, 'RAF'), nameOf(mentions, 'Royal Air Force'));
  assert.equal(nameOf(mentions, 'Northwind'), 'Northwind Aero');
  assert.equal(mentions.find((m) => m.text === 'Koslov')?.type, 'PER');
});

test('merging across texts: acronyms, spelling variants, and a surname resolved to the full name of its own text', () => {
  const docs = [
    findEntities('The Government Accountability Office upheld the protest. Joe Biden spoke. Martin Mann, a lawyer, agreed.'),
    findEntities('Later the GAO said so, and Jo Biden answered. Mann said nothing. Kim Jong Un laughed.'),
    findEntities('Anthony Mann, an analyst, said Kim Jong-un and Kim met. Mann left.'),
  ];
  const entities = mergeEntities(docs);
  const name = (doc: number, text: string) => nameOf(docs[doc]!, text);
  assert.equal(name(1, 'GAO'), name(0, 'Government Accountability Office'));
  assert.equal(name(1, 'Jo Biden'), 'Joe Biden');
  assert.equal(name(2, 'Kim Jong-un'), name(1, 'Kim Jong Un'));
  assert.equal(name(2, 'Kim'), name(1, 'Kim Jong Un'));
  assert.equal(name(2, 'Mann'), 'Anthony Mann');
  assert.notEqual(name(0, 'Martin Mann'), name(2, 'Anthony Mann'));
  const kim = entities.find((e) => e.name === name(1, 'Kim Jong Un'))!;
  assert.deepEqual(kim.aliases.sort(), ['Kim', 'Kim Jong Un', 'Kim Jong-un']);
  assert.equal(kim.mentions.length, 3);
});

test('a title-case headline is cut at ordinary words; a list of names in a sentence is not title case', () => {
  const text = "North Korea's Kim Jong Un Vows To Improve Ties With Outside World\nKim vowed to improve ties with the outside world.";
  assert.deepEqual(findEntities(text).slice(0, 2).map((m) => m.text), ['North Korea', 'Kim Jong Un']);
  const list = 'Orders came from Air China, China Southern Airlines, Hainan Airlines and Xiamen Airlines. The airlines will fly them.';
  assert.deepEqual(spans(list), ['ORG:Air China', 'ORG:China Southern Airlines', 'ORG:Hainan Airlines', 'ORG:Xiamen Airlines']);
});

test('demonyms are not names and are not merged into their country', () => {
  const mentions = findEntities('North Korean and American officials met in North Korea. The Chinese envoy stayed.');
  assert.deepEqual(mentions.map((m) => m.text), ['North Korea']);
});

test('months, currency codes and sentence-initial common words are not names', () => {
  assert.deepEqual(spans('Yesterday the deal closed. Unfortunately it cost US$ 40 million in March, or 30 million EUR.'), []);
});

test('an acronym defined by a lower-case phrase, or listed as a common noun, is no name anywhere in the text', () => {
  const text = 'Ruvania tested a submarine-launched cruise missile (SLCM) on Monday. Its newest SLCM flew far, and two SLCMs more will follow. The GDP of Ruvania fell.';
  assert.deepEqual(findEntities(text).filter((m) => /SLCM|GDP/.test(m.text)), []);
  // A capitalised long form is a name's definition, and its acronym stays.
  assert.ok(spans('The Ruvanian Space Agency (RSA) said the RSA would launch.').includes('ORG:RSA'));
});

test('an ordinal before a sitting word makes an event: the 9th Congress is no organisation, the party in it is', () => {
  const mentions = findEntities("Delegates opened the 9th Congress of the Farmers' Party of Ruvania in Velgrad on Tuesday.");
  assert.ok(!mentions.some((m) => m.text === 'Congress'), 'the numbered congress');
  assert.ok(mentions.some((m) => m.text === "Farmers' Party of Ruvania" && m.type === 'ORG'), 'the party');
  assert.ok(!findEntities('The Eleventh Plenum of the committee closed.').some((m) => m.text === 'Plenum'));
  assert.ok(spans('Senators in Congress passed the bill on Friday.').includes('ORG:Congress'), 'Congress itself stays');
});

test('hyphenated compounds of names split into the names; compass pairs and one-word names stay out or whole', () => {
  const text = 'Anna Mirov met Jon Halvorsen in Oslo. The stalled Mirov-Halvorsen diplomacy resumed, (AP-Reuters) reported, and North-South relations and East-West trade improved.';
  const mentions = findEntities(text);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  const texts = mentions.map((m) => m.text);
  assert.ok(!texts.some((t) => t.includes('-')), `no compound: ${texts.join(', ')}`);
  assert.equal(mentions.find((m) => m.text === 'Mirov' && m.start > 40)?.name, 'Anna Mirov');
  assert.equal(mentions.find((m) => m.text === 'Halvorsen' && m.start > 40)?.name, 'Jon Halvorsen');
  assert.ok(texts.includes('AP') && texts.includes('Reuters'), 'both agencies of the credit');
  assert.ok(!texts.some((t) => /^(?:North|South|East|West)$/.test(t)), 'no compass point');
  // A part that is no name on its own keeps the compound whole.
  assert.ok(!findEntities('The jet has two Rolls-Royce engines.').some((m) => m.text === 'Royce'));
});

test('`for the` joins an organisation name: the Center for the …, the Foundation for …', () => {
  assert.deepEqual(spans('Mary Koslov, a fellow at the Boston-based Center for the Study of Lakes, spoke.'), ['PER:Mary Koslov', 'LOC:Boston', 'ORG:Center for the Study of Lakes']);
  assert.ok(spans('Funds came from the Foundation for Open Rivers last year.').includes('ORG:Foundation for Open Rivers'));
});

test('a camp word before a person is cut off (Team Halvorsen is Halvorsen); Team Sky is a team', () => {
  const mentions = findEntities('Jon Halvorsen won the vote. Team Halvorsen would now walk away, and Team Sky won the race.');
  const camp = mentions.find((m) => m.text === 'Halvorsen');
  assert.ok(camp && camp.type === 'PER' && camp.name === 'Jon Halvorsen', 'Team Halvorsen -> Halvorsen');
  assert.ok(!mentions.some((m) => m.text === 'Team Halvorsen'));
  assert.ok(!mentions.some((m) => m.text === 'Sky' && m.type === 'PER'));
});

test('the plural of a place is a place of its own: the two Germanys', () => {
  const mentions = findEntities('Trade between the two Germanys grew before Germany united.');
  const plural = mentions.find((m) => m.text === 'Germanys');
  assert.equal(plural?.type, 'LOC');
  assert.notEqual(plural?.name, mentions.find((m) => m.text === 'Germany')?.name);
});

test('the last words of a longer name stand for it only in a text that has the longer name', () => {
  const docs = [
    findEntities('Mary Koslov teaches at the University of Baltic Studies in Riga. The University of Baltic Studies grew.'),
    findEntities('Jon Halvorsen, director of Baltic Studies at a think tank, spoke.'),
    findEntities('Staff of the Institute of Polar Research met. Polar Research said it would go on.'),
  ];
  mergeEntities(docs);
  assert.notEqual(nameOf(docs[1]!, 'Baltic Studies'), nameOf(docs[0]!, 'University of Baltic Studies'));
  assert.equal(nameOf(docs[2]!, 'Polar Research'), 'Institute of Polar Research');
});

test('odd input never throws: empty text, no capitals, another language, one 2,000-word sentence', () => {
  assert.deepEqual(findEntities(''), []);
  assert.deepEqual(findEntities('the president of the company said on monday that sales in europe rose.'), []);
  for (const text of ['Ким Чен Ын посетил Пекин и встретился с Си Цзиньпином.', '김정은 위원장은 평양에서 연설했다.', 'Der Bundeskanzler traf in Berlin den Präsidenten Frankreichs.']) {
    const mentions = findEntities(text);
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  }
  const words: string[] = [];
  for (let i = 0; i < 2000; i++) words.push(i % 50 === 0 ? 'Boeing' : i % 37 === 0 ? 'Mary Koslov' : 'and');
  const long = words.join(' ');
  const started = performance.now();
  const mentions = findEntities(long);
  assert.ok(performance.now() - started < 1000, 'a 2,000-word sentence takes under a second');
  assert.ok(mentions.some((m) => m.text === 'Boeing'));
  const capitals = Array.from({ length: 2000 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}x`).join(' ');
  const runStarted = performance.now();
  findEntities(capitals);
  assert.ok(performance.now() - runStarted < 1000, 'a run of 2,000 capitalised words takes under a second');
  assert.equal(mergeEntities([]).length, 0);
  assert.equal(mergeEntities([[], []]).length, 0);
});

test('the seed articles: Kim Jong Un merges with Kim Jong-un; Joe Biden, Donald Trump, KCNA, the Workers\' Party and Gavi are listed', () => {
  const folder = SEEDS_DIR;
  const docs = readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => findEntities(readFileSync(join(folder, file), 'utf8')));
  const entities = mergeEntities(docs);
  const kim = entities.find((e) => e.aliases.includes('Kim Jong-un'));
  assert.ok(kim, 'an entity with the alias Kim Jong-un');
  assert.ok(kim.aliases.includes('Kim Jong Un') && kim.aliases.includes('Kim'), `Kim Jong Un's aliases: ${kim.aliases.join(', ')}`);
  assert.equal(kim.type, 'PER');
  const names = new Map(entities.map((e) => [e.name, e.type]));
  assert.equal(names.get('Joe Biden'), 'PER');
  assert.equal(names.get('Donald Trump'), 'PER');
  assert.equal(names.get('KCNA'), 'ORG');
  assert.equal(names.get('Gavi'), 'ORG');
  assert.ok(entities.some((e) => e.type === 'ORG' && e.aliases.some((alias) => /^Workers['’] Party$/.test(alias))), 'the Workers\' Party');
  assert.ok(!names.has('North Korean'), 'the demonym is not an entity');
  const expected: [string, string][] = [
    ['Yang Moo-jin', 'PER'], ['Harry J. Kazianis', 'PER'], ['Unification Ministry', 'ORG'], ['University of North Korean Studies', 'ORG'],
    ['Center for the National Interest', 'ORG'], ['North Korea', 'LOC'], ['South Korea', 'LOC'], ['Seoul', 'LOC'], ['Pyongyang', 'LOC'],
    ['United States', 'LOC'], ['Washington', 'LOC'], ['Vietnam', 'LOC'],
  ];
  for (const [name, type] of expected) assert.equal(names.get(name), type, name);
  for (const wrong of ['ICBM', 'Congress', 'Kim-Trump', 'North-South', 'KCNA-Yonhap', 'Team Biden', 'National Interest']) assert.ok(!names.has(wrong), wrong);
  assert.notEqual(names.get('Koreas'), 'ORG', 'the two Koreas are no organisation');
  const university = entities.find((e) => e.name === 'University of North Korean Studies')!;
  assert.ok(!university.aliases.includes('Korean Studies'), 'the fragment in another text is not an alias');
});

/** Lets the running synchronous job end, so that the per-run line memo is dropped. */
const nextRun = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('mentions read line by line, lines shared with texts before or not, are those of the text read as one', async () => {
  const seeds = readdirSync(SEEDS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(join(SEEDS_DIR, file), 'utf8'));
  const made = [
    // The same lines where the rest of the text writes `Reactions` in lower case, or capitalised inside a sentence.
    'Reactions came quickly.\nOfficials said Mary Koslov would go.',
    'Reactions came quickly.\nOfficials said reactions were mixed.',
    'Reactions came quickly.\nThey said the Reactions group met.',
    // A name at a line's edge reads the neighbouring lines: `minister` after the comma, `in` before.
    'He met Jusman Syafii Djamal,\nminister of transport.',
    'He met Jusman Syafii Djamal,\nand left.',
    'They flew in\nBloomington and home.',
    // A run joined over a line break (`Bank of` / `the Nation`).
    'He worked at the Bank of\nthe Nation Group in Lagos.',
    'He worked at the Bank of\n\nthe Nation Group in Lagos.',
  ];
  // Seed articles with lines dropped, moved and mixed, as wire copies and rewrites do.
  const variants = seeds.flatMap((text, i) => {
    const lines = text.split('\n');
    const other = seeds[(i + 1) % seeds.length]!.split('\n');
    return [lines.slice(1).join('\n'), [...lines.slice(3), ...lines.slice(0, 3)].join('\n'), [...lines.slice(0, 4), ...other.slice(2, 9), ...lines.slice(4)].join('\n')];
  });
  const texts = [...made, ...seeds, ...variants];
  const whole = texts.map((text) => findRawMentions(text, { byLine: false }));
  const fresh: RawMention[][] = [];
  for (const text of texts) {
    await nextRun();
    fresh.push(findRawMentions(text));
  }
  await nextRun();
  const shared = texts.map((text) => findRawMentions(text));
  assert.deepEqual(fresh, whole, 'line by line, each text on its own');
  assert.deepEqual(shared, whole, 'line by line, lines shared with the texts before');
});
