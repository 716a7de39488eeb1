// Golden test of the showcase: the seed story's brief, end to end through the CLI (UPDATE=1 rewrites the expected files; review the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Brief } from '../src/brief/model.js';
import { validateBrief } from './brief-schema.js';
import { ROOT, runCli, SEEDS_DIR, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'seed-brief');

/** The seed brief through `ingest` and `brief top`, under a given time zone. */
async function seedBrief(t: Parameters<typeof tempDir>[0], format: 'json' | 'md' | 'html', tz = 'UTC'): Promise<string> {
  const db = join(tempDir(t), 'seeds.db');
  // A relative path (the CLI runs from the repository root): sources read the same in any checkout.
  const ingest = await runCli(['ingest', relative(ROOT, SEEDS_DIR), '--db', db, '--no-progress'], { env: { TZ: tz }, timeoutMs: 60000 });
  assert.equal(ingest.code, 0, ingest.stderr);
  const brief = await runCli(['brief', 'top', '--db', db, '--format', format], { env: { TZ: tz }, timeoutMs: 60000 });
  assert.equal(brief.code, 0, brief.stderr);
  return brief.stdout;
}

/** The golden comparison: the file as expected, or rewritten under UPDATE=1. */
function golden(name: string, actual: string): void {
  const path = join(FIXTURES, name);
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    writeFileSync(path, actual);
    if (process.env.UPDATE !== '1') assert.fail(`${name} did not exist and was written; review it and run again`);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from the golden file (UPDATE=1 rewrites it; review the diff)`);
}

const bySeed = (brief: Brief, prefix: string): number => brief.sources.find((s) => s.source.includes(`/${prefix}_`))!.ref;

test('seed brief: valid against the schema, and the same under TZ=UTC and TZ=Asia/Seoul', async (t) => {
  const utc = await seedBrief(t, 'json', 'UTC');
  const seoul = await seedBrief(t, 'json', 'Asia/Seoul');
  assert.equal(seoul, utc, 'the brief must not depend on the time zone');
  const brief = JSON.parse(utc) as Brief;
  assert.deepEqual(validateBrief(brief), []);
  golden('brief.json', JSON.stringify(brief, null, 2) + '\n');
});

test('seed brief: timeline has day 2 (2021-01-06, defense) and day 3 (2021-01-07, external relations, South Korea)', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  const day2 = brief.timeline.filter((e) => e.date === '2021-01-06');
  const day3 = brief.timeline.filter((e) => e.date === '2021-01-07');
  assert.ok(day2.some((e) => e.label === 'day 2' && /bolster|defen[cs]e|military/i.test(e.text + e.sources.map((s) => s.text).join(' '))), JSON.stringify(day2, null, 1));
  assert.ok(day3.some((e) => e.label === 'day 3' && /external relations/i.test(e.text + e.sources.map((s) => s.text).join(' '))), JSON.stringify(day3, null, 1));
  assert.ok(day3.some((e) => /South Korea/i.test(e.text + e.sources.map((s) => s.text).join(' '))), 'day 3 reviews relations with South Korea');
});

test('seed brief: the KCNA quote is Kim Jong Un\'s, reported by KCNA, carried by 000, 001 and 002', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  const quote = brief.quotes.find((q) => q.text.includes('declared the general orientation and the policy stand of our party for comprehensively expanding and developing the external relations'));
  assert.ok(quote, 'the quote is listed');
  assert.equal(quote.speaker?.name, 'Kim Jong Un');
  assert.equal(quote.reportedBy, 'KCNA');
  const carriers = new Set(quote.carriers.map((c) => c.ref));
  for (const prefix of ['000', '001', '002']) assert.ok(carriers.has(bySeed(brief, prefix)), `carried by ${prefix}`);
  assert.equal(quote.first?.ref, bySeed(brief, '000'), 'the only seed with a stated publish time comes first');
  for (const carrier of quote.carriers) assert.match(carrier.text, /declared the general orientation/, 'each carrier span holds the words');
});

test('seed brief: Yang Moo-jin (000) and Harry J. Kazianis (003) speak their quotes', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  const spoken = (name: string, prefix: string) =>
    brief.quotes.some((q) => q.speaker?.name === name && q.carriers.some((c) => c.ref === bySeed(brief, prefix)));
  assert.ok(spoken('Yang Moo-jin', '000'), 'Yang Moo-jin in 000');
  assert.ok(spoken('Harry J. Kazianis', '003'), 'Harry J. Kazianis in 003');
});

test('seed brief: entities merge Kim Jong Un with Kim Jong-un and list Biden, Trump, KCNA, the Workers\' Party and Gavi', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  const kim = brief.entities.find((e) => e.aliases.includes('Kim Jong Un'));
  assert.ok(kim && kim.aliases.includes('Kim Jong-un'), JSON.stringify(kim));
  assert.equal(kim.type, 'PER');
  assert.equal(kim.sources.length, 4, 'Kim is named by all four seeds');
  const names = brief.entities.flatMap((e) => e.aliases.map((a) => a.toLowerCase()));
  for (const name of ['joe biden', 'donald trump', 'kcna', 'gavi']) assert.ok(names.includes(name), `${name} is listed`);
  assert.ok(names.some((n) => /workers[’'] party/.test(n)), "the Workers' Party is listed");
});

test('seed brief: Markdown and HTML carry the sections; HTML is standalone', async (t) => {
  const md = await seedBrief(t, 'md');
  for (const heading of ['## Summary', '## Timeline', '## Quotes', '## Who and where', '## Sources']) assert.ok(md.includes(heading), heading);
  golden('brief.md', md);
  const html = await seedBrief(t, 'html');
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\/(?!newsfuse)[^<"]*"/i, 'no script or external resource');
  assert.ok(html.includes('Kim Jong Un'));
});

test('seed brief: 4 articles, 3 independent sources (000 and 001 share the AP paragraph); credits alone merge nothing', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  assert.equal(brief.story.articleCount, 4);
  assert.equal(brief.story.independentSources, 3);
  assert.equal(brief.story.originGroups.length, 3);
  const groupOf = (prefix: string) => brief.story.originGroups.find((g) => g.members.some((m) => m.ref === bySeed(brief, prefix)))!;
  assert.equal(groupOf('000').id, groupOf('001').id, '000 and 001 share an origin');
  assert.notEqual(groupOf('002').id, groupOf('000').id, '002 (credited to AP and Reuters, a rewrite) is its own source');
  assert.notEqual(groupOf('003').id, groupOf('000').id);
  const copier = groupOf('001').members.find((m) => m.copies !== null)!;
  assert.ok(copier.sharedWords >= 40, `the shared AP paragraph is about 60 words, instead found ${copier.sharedWords}`);
});

test('seed brief: the economy claim (pandemic border closures, natural disasters, sanctions) is carried by 001, 002 and 003', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  const claim = brief.claims.find((c) => /sanctions/.test(c.text) && c.sources.some((s) => /disasters|floods/.test(s.text)));
  assert.ok(claim, JSON.stringify(brief.claims.map((c) => [c.refs, c.text]), null, 1));
  for (const prefix of ['001', '002', '003']) assert.ok(claim.refs.includes(bySeed(brief, prefix)), `carried by ${prefix}`);
  assert.equal(claim.independentSources, 3);
  for (const s of claim.sources) assert.ok(s.text.length > 20 && s.end > s.start);
});

test('seed brief: single-outlet claims include the Gavi request (003), Biden calling Kim a "thug" (001) and Yang Moo-jin (000)', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  const only = (prefix: string, pattern: RegExp) =>
    brief.singleSourceClaims.some((s) => s.ref === bySeed(brief, prefix) && s.claims.some((c) => pattern.test(c.text)));
  assert.ok(only('003', /Gavi/), 'Gavi (003)');
  assert.ok(only('001', /thug/), 'thug (001)');
  assert.ok(only('000', /Yang/), 'Yang Moo-jin (000)');
});

test('seed brief: the day of Kim\'s pledge conflicts: Thursday, the third day (000, 001) against "on Friday pledged" (002)', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  const conflict = brief.conflicts.find(
    (c) =>
      c.kind === 'date' &&
      c.sides.some((s) => s.ref === bySeed(brief, '002') && /Friday/.test(s.text)) &&
      c.sides.some((s) => [bySeed(brief, '000'), bySeed(brief, '001')].includes(s.ref) && /Thursday/.test(s.text)),
  );
  assert.ok(conflict, JSON.stringify(brief.conflicts.map((c) => [c.kind, c.values, c.sides.map((s) => s.ref)])));
});

test('seed brief: no photo caption, byline or dateline in the summary; every sentence lists its sources', async (t) => {
  const brief = JSON.parse(await seedBrief(t, 'json')) as Brief;
  assert.ok(brief.summary.length >= 2);
  for (const s of brief.summary) {
    assert.doesNotMatch(s.text, /Jan\.\s?6, 2021\.?$|^By |\(Dispatches\)|^[A-Z]{3,} \(/, s.text);
    assert.ok(s.support.includes(s.ref), 'its own source is listed');
  }
});
