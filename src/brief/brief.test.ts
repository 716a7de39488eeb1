// Tests of the brief: sources, summary support, shared passages with offsets and who published first, escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBrief, buildBriefOf } from './brief.js';
import { escapeMarkdown, renderMarkdown } from './render-md.js';
import { splitSentences } from '../text/sentences.js';
import { summarize, summaryText } from './summary/summary.js';
import type { StoredArticle, StorySummary } from '../store/store.js';

const SHARED =
  'Officials said the bridge over the river would stay closed for at least three weeks while engineers inspect the damaged supports.';

function stored(id: number, outlet: string | undefined, text: string, published?: string): StoredArticle {
  return {
    id, itemKey: `k${id}`, contentHash: `h${id}`, source: `file${id}.txt`, outlet, title: `Title ${id}`, published,
    authors: [], credits: [], cited: [], text, signature: new Uint32Array(128), story: 1, ingestedAt: '', messages: [],
  };
}

const story: StorySummary = { id: 1, title: 'Bridge closed', articleCount: 3, sourceCount: 3, firstSeen: null, lastSeen: null };

test('shared passages carry offsets into both texts and the earlier publisher', () => {
  const a = stored(1, 'Daily A', `The storm hit on Monday night. ${SHARED} Traffic was diverted.`, '2024-03-01T10:00:00.000Z');
  const b = stored(2, 'Daily B', `Residents were told to avoid the area. ${SHARED}`, '2024-03-01T12:00:00.000Z');
  const c = stored(3, undefined, 'A completely different text about football results and the league table this season.');
  const brief = buildBrief(story, [a, b, c]);
  assert.equal(brief.sources.length, 3);
  assert.equal(brief.sources[2]!.outlet, 'file3.txt', 'an article without outlet is labelled by its file');
  assert.equal(brief.passages.length, 1);
  const [p] = brief.passages;
  assert.deepEqual(p!.carriers.map((c) => c.ref), [1, 2]);
  const [ca, cb] = p!.carriers;
  assert.equal(a.text.slice(ca!.start, ca!.end), b.text.slice(cb!.start, cb!.end));
  assert.match(p!.text, /^Officials said the bridge/);
  assert.equal(p!.first, 1);
  assert.match(p!.basis, /published 2024-03-01 10:00 UTC/);
});

test('a passage three sources carry is one passage with three carriers', () => {
  const brief = buildBrief(story, [
    stored(1, 'A', `First intro words here. ${SHARED}`, '2024-03-01T09:00:00.000Z'),
    stored(2, 'B', `Second intro words there. ${SHARED} More.`, '2024-03-01T08:00:00.000Z'),
    stored(3, 'C', `${SHARED} Third one adds a line.`, '2024-03-02T08:00:00.000Z'),
  ]);
  assert.equal(brief.passages.length, 1);
  assert.deepEqual(brief.passages[0]!.carriers.map((c) => c.ref), [1, 2, 3]);
  const first = brief.passages[0]!.first!;
  assert.equal(brief.sources[first - 1]!.article, 2, 'the earliest publisher of the three');
  assert.deepEqual(brief.sources.map((s) => s.article), [2, 1, 3], 'sources are listed in publish order');
});

test('without publish times the brief says who was first is unknown', () => {
  const brief = buildBrief(story, [stored(1, 'A', `Intro one here. ${SHARED}`), stored(2, 'B', `Intro two there. ${SHARED}`)]);
  assert.equal(brief.passages[0]!.first, null);
  assert.match(brief.passages[0]!.basis, /no publish times/);
});

test('summary sentences name every source that carries them', () => {
  const a = stored(1, 'A', `${SHARED} The mayor promised repairs before summer.`);
  const b = stored(2, 'B', `${SHARED} Local shops fear losing customers during the closure.`);
  const brief = buildBrief(story, [a, b]);
  const shared = brief.summary.find((s) => s.text === SHARED);
  assert.ok(shared, 'the sentence both carry is in the summary');
  assert.deepEqual(shared!.support, [1, 2]);
  const source = brief.sources[shared!.ref - 1]!;
  const text = [a, b].find((x) => x.id === source.article)!.text;
  assert.equal(text.slice(shared!.start, shared!.end), SHARED, 'summary offsets point into the source text');
});

test('agencies list who credits and who cites them', () => {
  const a = { ...stored(1, 'A', SHARED), credits: ['AP'], cited: ['KCNA'] };
  const b = { ...stored(2, 'B', SHARED), cited: ['KCNA'] };
  const brief = buildBrief(story, [a, b]);
  assert.deepEqual(brief.agencies.find((x) => x.name === 'KCNA'), { name: 'KCNA', credited: [], cited: [1, 2] });
  assert.deepEqual(brief.agencies.find((x) => x.name === 'AP'), { name: 'AP', credited: [1], cited: [] });
});

test('Markdown escapes article text: no links, emphasis or HTML from content', () => {
  assert.equal(escapeMarkdown('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(escapeMarkdown('[click](http://evil)'), '\\[click\\](http://evil)');
  assert.equal(escapeMarkdown('*bold* _it_'), '\\*bold\\* \\_it\\_');
  const evil = stored(1, '<img src=x onerror=alert(1)>', `${SHARED} <b>bold</b> [x](javascript:alert(1))`);
  const md = renderMarkdown(buildBrief({ ...story, title: '<h1>t</h1>' }, [evil, stored(2, 'B', SHARED)]));
  assert.doesNotMatch(md, /<img|<b>|<h1>|(?<!\\)\]\(javascript/, "no raw HTML and no unescaped link syntax");
});

test('sentences: abbreviations and initials do not end a sentence; lines do', () => {
  const text = 'Mr. Kim met U.S. officials on Jan. 5 in Seoul. He left.\nA new line starts here';
  const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(parts, ['Mr. Kim met U.S. officials on Jan. 5 in Seoul.', 'He left.', 'A new line starts here']);
});

test('summarize respects the word budget and skips near-repeats', () => {
  const docs = [
    { id: 'a', text: `${SHARED} The mayor promised repairs before summer. Engineers found cracks in two of the supports.` },
    { id: 'b', text: `${SHARED} Local shops fear losing customers during the closure of the bridge.` },
  ];
  const picked = summarize(docs, 30);
  assert.equal(picked.filter((s) => s.text === SHARED).length, 1, 'the shared sentence appears once');
  const text = summaryText(picked, 30);
  assert.ok(text.split(/\s+/).length <= 30 * 1.15 + 25, `summary of about 30 words, got ${text.split(/\s+/).length}`);
  assert.ok(text.length > 0);
});

test('quotes: carriers that disagree on the speaker give the quote to the person, not the place named nearest', () => {
  const words = '“as required by the prevailing situation and the changed times,”';
  const textA = `Kim also examined relations with South Korea ${words} KCNA said.`;
  const textB = `Kim said relations with Seoul needed to be changed ${words} the agency said.`;
  const quoteOf = (text: string, speaker: string, name: string) => {
    const start = text.indexOf(words);
    const at = text.indexOf(speaker);
    return {
      start, end: start + words.length, text: words, kind: 'direct' as const,
      speaker: { start: at, end: at + speaker.length, text: speaker, name }, cue: null, reportedBy: null,
    };
  };
  const mention = (text: string, surface: string, type: 'PER' | 'LOC', name: string) => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, text: surface, type, name };
  };
  const article = (key: number, text: string, quote: ReturnType<typeof quoteOf>, mentions: ReturnType<typeof mention>[]) => ({
    key, text, outlet: `O${key}`, source: `${key}.txt`, authors: [], credits: [], cited: [], published: `2021-01-0${key}T00:00:00Z`,
    analysis: { version: 'test', mentions, quotes: [quote] },
  });
  const brief = buildBriefOf(story, [
    article(1, textA, quoteOf(textA, 'South Korea', 'South Korea'), [mention(textA, 'Kim', 'PER', 'Kim Jong Un'), mention(textA, 'South Korea', 'LOC', 'South Korea')]),
    article(2, textB, quoteOf(textB, 'Kim', 'Kim Jong Un'), [mention(textB, 'Kim', 'PER', 'Kim Jong Un'), mention(textB, 'Seoul', 'LOC', 'Seoul')]),
  ]);
  assert.equal(brief.quotes.length, 1, 'one quote carried twice');
  assert.equal(brief.quotes[0]!.speaker?.name, 'Kim Jong Un');
  assert.deepEqual(brief.quotes[0]!.carriers.map((c) => c.ref), [1, 2]);
});

test('per-article analyses carry the time expressions: a rebuild with them does not find them again', () => {
  const text = 'The council approved the new budget on Monday after a long debate, the mayor said in a statement to reporters.';
  const made = new Map<string | number, import('./analysis.js').ArticleAnalysis>();
  const article = { key: 7, text, outlet: 'A', source: 'a.txt', authors: [], credits: [], cited: [], published: '2024-03-06T10:00:00Z' };
  const first = buildBriefOf(story, [article], { analysed: (key, analysis) => made.set(key, analysis) });
  const kept = made.get(7)!;
  assert.ok(kept.timex && kept.timex.expressions.some((e) => e.text === 'Monday'), 'the analysis keeps the expressions');
  assert.ok(first.timeline.some((e) => e.date === '2024-03-04'), 'Monday before a Wednesday publish day');
  // A planted value shows that the rebuild reads the kept expressions instead of finding them again.
  const planted = { ...kept, timex: { ...kept.timex, expressions: kept.timex.expressions.map((e) => (e.text === 'Monday' ? { ...e, value: '2024-03-01' } : e)) } };
  const again = buildBriefOf(story, [{ ...article, analysis: planted }], { analysed: () => assert.fail('nothing new to keep') });
  assert.ok(again.timeline.some((e) => e.date === '2024-03-01'), JSON.stringify(again.timeline.map((e) => e.date)));
});
