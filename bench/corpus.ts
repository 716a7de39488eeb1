// Bench corpora from the dev texts: the ingest corpus (full-length stories of long-tailed sizes, wire copies, months of publish times) and the edits shared with the brief's story.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { seededRandom } from '../test/seeded-random.js';

/** One dev article with the gold fields dropped; `group` (the gold story) only places its copies in time. */
export interface Seed {
  id: string;
  kind: 'ecb' | 'uci';
  group: string;
  title?: string;
  text?: string;
  url?: string;
  outlet?: string;
}

/** One line of the bench corpus, in the JSONL field names newsfuse reads. */
export interface BenchRecord {
  id: string;
  title?: string;
  text?: string;
  url?: string;
  outlet?: string;
  published: number;
}

export const SEED_FILES = ['ecbplus/ecbplus-dev.jsonl', 'uci/uci-titles-dev.jsonl'] as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The dev articles, or undefined when a data file is missing (the caller explains and exits cleanly). */
export function loadSeeds(dataDir: string): Seed[] | undefined {
  if (SEED_FILES.some((f) => !existsSync(join(dataDir, f)))) return undefined;
  const lines = (f: string): Record<string, unknown>[] =>
    readFileSync(join(dataDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const seeds: Seed[] = [];
  for (const r of lines(SEED_FILES[0])) {
    seeds.push({ id: `ecb-${String(r.id)}`, kind: 'ecb', group: `ecb-${String(r.story)}`, title: text(r.title), text: text(r.text), url: text(r.url) });
  }
  for (const r of lines(SEED_FILES[1])) {
    seeds.push({ id: `uci-${String(r.id)}`, kind: 'uci', group: `uci-${String(r.story)}`, title: text(r.title), url: text(r.url), outlet: text(r.outlet) });
  }
  return seeds;
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Change one number in the text (a count, a date, an age): the commonest edit between versions of a report. */
function changeNumber(rand: () => number, value: string): string | undefined {
  const numbers = [...value.matchAll(/\d+/g)];
  if (numbers.length === 0) return undefined;
  const m = pick(rand, numbers);
  const n = Number(m[0]);
  const changed = String(Math.max(0, n + (rand() < 0.5 ? -1 : 1) * (1 + Math.floor(rand() * Math.max(2, n * 0.1)))));
  return value.slice(0, m.index) + changed + value.slice(m.index! + m[0].length);
}

const sentencesOf = (body: string): string[] => (body.includes('\n') ? body.split('\n') : body.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/));

/** A body with one small edit: drop a sentence, swap two neighbours, or change a number. */
export function editBody(rand: () => number, body: string): string {
  const sentences = sentencesOf(body);
  const glue = body.includes('\n') ? '\n' : ' ';
  const roll = rand();
  if (roll < 0.4 && sentences.length >= 3) {
    // Keep the lead: rewrites trim the tail and the middle far more often than the first sentence.
    sentences.splice(1 + Math.floor(rand() * (sentences.length - 1)), 1);
    return sentences.join(glue);
  }
  if (roll < 0.7 && sentences.length >= 3) {
    const i = 1 + Math.floor(rand() * (sentences.length - 2));
    [sentences[i], sentences[i + 1]] = [sentences[i + 1]!, sentences[i]!];
    return sentences.join(glue);
  }
  return changeNumber(rand, body) ?? `${body}${glue}${pick(rand, TAGLINES)}`;
}

/** Headline edits outlets make to wire headlines. */
const TITLE_PREFIXES = ['UPDATE 1-', 'UPDATE 2-', 'WRAPUP 1-', 'REFILE-', 'Analysis: ', 'Report: '];
const TAGLINES = ['(Reporting by staff; editing by the desk)', 'Additional reporting by wire services.', 'This story has been updated.'];

/** A headline with one small edit: a number, a dropped or swapped word, or a wire-style prefix. */
export function editTitle(rand: () => number, title: string): string {
  const roll = rand();
  if (roll < 0.3) {
    const changed = changeNumber(rand, title);
    if (changed) return changed;
  }
  const words = title.split(' ');
  if (roll < 0.6 && words.length >= 5) {
    words.splice(1 + Math.floor(rand() * (words.length - 1)), 1);
    return words.join(' ');
  }
  // Prefixes stay rare: each is one term shared by thousands of unrelated headlines, which would
  // bloat the story index's posting lists far beyond what a real feed does.
  if (roll < 0.93 && words.length >= 4) {
    const i = 1 + Math.floor(rand() * (words.length - 2));
    [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    return words.join(' ');
  }
  return `${pick(rand, TITLE_PREFIXES)}${title}`;
}

/** Write records as JSONL (streamed: a large N never sits in one string). */
export async function writeJsonl(file: string, records: readonly BenchRecord[]): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  for (const record of records) {
    const line = `${JSON.stringify(record)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}


// ---------------------------------------------------------------------------------------------
// The ingest bench's corpus: full-length articles in stories of long-tailed sizes, with wire copies,
// published over months and arriving roughly in publish order. Streamed: a million articles never sit in memory.

/** Dev texts a story's articles are written from: one ECB+ event (its articles), or one PolNeAR article. */
export interface Pool {
  name: string;
  articles: { title?: string; sentences: string[] }[];
}

export interface PoolData {
  pools: Pool[];
  /** Outlet names (UCI, PolNeAR), for bylines and URLs. */
  outlets: string[];
  /** Words of the texts (4+ letters), the replacements of word edits. */
  words: string[];
  /** Capitalised words of the texts, the replacements of a story's names. */
  names: string[];
}

export const POOL_FILES = ['ecbplus/ecbplus-dev.jsonl', 'quotes/polnear-dev.jsonl', 'uci/uci-titles-dev.jsonl'] as const;

const splitSentences = (paragraph: string): string[] =>
  paragraph.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/).map((s) => s.trim()).filter((s) => s !== '');

const bodySentences = (body: string): string[] => body.split(/\n+/).flatMap(splitSentences);

/** The dev texts as pools, or undefined when a data file is missing (the caller explains and exits cleanly). */
export function loadPools(dataDir: string): PoolData | undefined {
  if (POOL_FILES.some((f) => !existsSync(join(dataDir, f)))) return undefined;
  const lines = (f: string): Record<string, unknown>[] =>
    readFileSync(join(dataDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const byEvent = new Map<string, Pool>();
  for (const r of lines(POOL_FILES[0])) {
    const body = text(r.text);
    if (!body) continue;
    const name = `ecb-${String(r.story)}`;
    let pool = byEvent.get(name);
    if (!pool) byEvent.set(name, (pool = { name, articles: [] }));
    pool.articles.push({ title: text(r.title), sentences: bodySentences(body) });
  }
  const pools = [...byEvent.values()];
  const outlets = new Set<string>();
  for (const r of lines(POOL_FILES[1])) {
    const body = text(r.text);
    if (!body) continue;
    const title = text(r.title);
    // PolNeAR texts start with their title as a line of its own: that line is the title, not the body.
    const sentences = bodySentences(body);
    if (title && sentences[0]?.replace(/\.$/, '') === title.replace(/\.$/, '')) sentences.shift();
    if (sentences.length >= 3) pools.push({ name: `polnear-${String(r.id)}`, articles: [{ title, sentences }] });
    if (text(r.outlet)) outlets.add(String(r.outlet));
  }
  for (const r of lines(POOL_FILES[2])) if (text(r.outlet)) outlets.add(String(r.outlet));
  const words = new Set<string>();
  const names = new Set<string>();
  for (const pool of pools) {
    for (const a of pool.articles) {
      for (const s of a.sentences) {
        for (const w of s.match(/\b[A-Za-z]{4,}\b/g) ?? []) (/^[A-Z][a-z]+$/.test(w) ? names : words).add(w);
      }
    }
  }
  return { pools, outlets: [...outlets].sort(), words: [...words].sort(), names: [...names].sort() };
}

/** The shape the corpus is built to (bench/README.md states it). */
export const SHAPE = {
  /** Publish times span this many days from 2024-01-01. */
  spanDays: 180,
  /** Story sizes: P(size >= k) = k^-(alpha-1), capped. alpha 2.4: 62% single articles, 92% at most 5, ~0.16% at 100 or more. */
  sizeAlpha: 2.4,
  maxStorySize: 1000,
  /** Body length of an original report: log-normal around this median (characters), so the mean is about 3,800. */
  medianChars: 3300,
  lengthSigma: 0.55,
  /** Share of items that carry a headline only (feed items). */
  headlineOnly: 0.05,
  /** Chance that a later article of a story is a wire copy of an earlier one (about a quarter of all articles). */
  copyChance: 0.38,
  /** Hours between a story's first article and its others: exponential with this mean, times 1 + log2(size). */
  delayHours: 6,
  /** Arrival after publication: exponential with this mean (minutes), so the stream is only roughly in order. */
  arrivalMinutes: 20,
} as const;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SPAN_START = Date.UTC(2024, 0, 1);

const HEAD_FURNITURE = ['Advertisement', 'Skip to main content', 'Share this article', 'Share on Facebook Share on Twitter Email', 'Follow us on Twitter', 'Listen to this article'];
const TAIL_FURNITURE = [
  'Sign up for our morning newsletter.',
  'Read more:',
  'Comments (0)',
  'This material may not be published, broadcast, rewritten or redistributed.',
  'Related: Most popular stories this week',
  'Back to top',
  'Additional reporting by wire services.',
];

interface Item {
  arrival: number;
  record: BenchRecord;
  kind: 'original' | 'copy' | 'headline';
}

/** A binary min-heap of items by arrival time. */
class ArrivalHeap {
  private readonly items: Item[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Item | undefined {
    return this.items[0];
  }
  push(item: Item): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.arrival <= item.arrival) break;
      a[i] = a[parent]!;
      a[parent] = item;
      i = parent;
    }
  }
  pop(): Item | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.arrival < a[m]!.arrival) m = l;
        if (r < a.length && a[r]!.arrival < a[m]!.arrival) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

const exponential = (rand: () => number, mean: number): number => -Math.log(1 - rand()) * mean;
/** Standard normal by Box-Muller. */
const normal = (rand: () => number): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

function storySize(rand: () => number): number {
  const k = Math.floor(Math.pow(1 - rand(), -1 / (SHAPE.sizeAlpha - 1)));
  return Math.min(SHAPE.maxStorySize, Math.max(1, k));
}

const slug = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'news';

/** One word of 4+ letters replaced by another: the small edits that make two reports differ. */
function editWord(rand: () => number, sentence: string, words: readonly string[]): string {
  const spots = [...sentence.matchAll(/\b[a-z]{4,}\b/g)];
  if (spots.length === 0) return sentence;
  const m = pick(rand, spots);
  return sentence.slice(0, m.index) + pick(rand, words) + sentence.slice(m.index! + m[0].length);
}

function paragraphs(rand: () => number, sentences: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = 1 + Math.floor(rand() * 3);
    out.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return out.join('\n\n');
}

/** A story's own reports: sentences of its pool (lead first, then onwards), a third from other pools, a word edited in some. */
function composeOriginal(rand: () => number, pool: Pool, data: PoolData, rename: [string, string][]): string[] {
  const target = Math.min(20_000, Math.max(500, SHAPE.medianChars * Math.exp(SHAPE.lengthSigma * normal(rand))));
  const lead = pick(rand, pool.articles);
  const sentences: string[] = lead.sentences.slice(0, 1 + Math.floor(rand() * 3));
  let length = sentences.reduce((sum, s) => sum + s.length + 1, 0);
  let source = pick(rand, pool.articles);
  let cursor = Math.floor(rand() * source.sentences.length);
  for (let guard = 0; length < target && guard < 400; guard++) {
    let sentence: string;
    if (rand() < 0.65) {
      if (cursor >= source.sentences.length) {
        source = pick(rand, pool.articles);
        cursor = Math.floor(rand() * Math.min(3, source.sentences.length));
      }
      sentence = source.sentences[cursor++]!;
    } else {
      sentence = pick(rand, pick(rand, pick(rand, data.pools).articles).sentences);
    }
    if (rand() < 0.3) sentence = editWord(rand, sentence, data.words);
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.map((s) => rename.reduce((t, [from, to]) => t.replaceAll(from, to), s));
}

/** A wire copy of an earlier report: one or two small edits, a changed headline half the time, page furniture. */
function composeCopy(rand: () => number, sentences: readonly string[], data: PoolData): string[] {
  const copy = [...sentences];
  const edits = rand() < 0.3 ? 2 : 1;
  for (let e = 0; e < edits; e++) {
    const roll = rand();
    if (roll < 0.35 && copy.length >= 4) copy.splice(1 + Math.floor(rand() * (copy.length - 1)), 1);
    else if (roll < 0.6 && copy.length >= 4) {
      const i = 1 + Math.floor(rand() * (copy.length - 2));
      [copy[i], copy[i + 1]] = [copy[i + 1]!, copy[i]!];
    } else if (roll < 0.8) {
      const i = Math.floor(rand() * copy.length);
      copy[i] = changeNumber(rand, copy[i]!) ?? editWord(rand, copy[i]!, data.words);
    } else copy.splice(copy.length - Math.floor(rand() * Math.min(4, copy.length)), Infinity); // trimmed tail
  }
  return copy;
}

function withFurniture(rand: () => number, body: string, outlet: string): string {
  const head = rand() < 0.6 ? `${pick(rand, HEAD_FURNITURE)}\n\n` : '';
  const tails = Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, TAIL_FURNITURE));
  if (rand() < 0.5) tails.push(`© 2024 ${outlet}. All rights reserved.`);
  return `${head}${body}${tails.length ? `\n\n${tails.join('\n\n')}` : ''}`;
}

export interface CorpusInfo {
  file: string;
  articles: number;
  bytes: number;
  stories: number;
  /** Mean body length in characters, over articles with a body and over all items. */
  meanBodyChars: number;
  meanCharsAll: number;
  headlineOnly: number;
  copies: number;
  /** Stories by size: 1, 2-5, 6-20, 21-99, 100+; and the largest. */
  storySizes: Record<'1' | '2-5' | '6-20' | '21-99' | '100+', number>;
  articlesInStoriesOf100: number;
  largestStory: number;
  firstPublished: string;
  lastPublished: string;
  /** Items that arrive after an item published later than them (the stream is only roughly in order). */
  outOfOrder: number;
  /** 95th percentile, in minutes, of how much earlier such an item was published than the latest one before it. */
  lateMinutesP95: number;
}

/** Build and write a corpus of `articles` items to `file` (deterministic for a seed), streaming it out in arrival order. */
export async function buildCorpus(data: PoolData, articles: number, file: string, seed = 42): Promise<CorpusInfo> {
  const rand = seededRandom(seed);
  const sizes: number[] = [];
  for (let total = 0; total < articles; ) {
    const size = Math.min(storySize(rand), articles - total);
    sizes.push(size);
    total += size;
  }
  const starts = sizes.map(() => SPAN_START + rand() * SHAPE.spanDays * DAY).sort((a, b) => a - b);
  const info: CorpusInfo = {
    file, articles: 0, bytes: 0, stories: sizes.length, meanBodyChars: 0, meanCharsAll: 0, headlineOnly: 0, copies: 0,
    storySizes: { '1': 0, '2-5': 0, '6-20': 0, '21-99': 0, '100+': 0 }, articlesInStoriesOf100: 0, largestStory: 0,
    firstPublished: '', lastPublished: '', outOfOrder: 0, lateMinutesP95: 0,
  };
  const lateness: number[] = [];
  for (const size of sizes) {
    const bucket = size === 1 ? '1' : size <= 5 ? '2-5' : size <= 20 ? '6-20' : size < 100 ? '21-99' : '100+';
    info.storySizes[bucket]++;
    if (size >= 100) info.articlesInStoriesOf100 += size;
    info.largestStory = Math.max(info.largestStory, size);
  }
  const out = createWriteStream(file, { encoding: 'utf8' });
  const heap = new ArrivalHeap();
  let bodyChars = 0;
  let bodies = 0;
  let latest = -Infinity;
  let first = Infinity;
  let last = -Infinity;
  const emit = async (item: Item): Promise<void> => {
    const line = `${JSON.stringify(item.record)}\n`;
    info.bytes += Buffer.byteLength(line);
    info.articles++;
    if (item.kind === 'headline') info.headlineOnly++;
    if (item.kind === 'copy') info.copies++;
    if (item.record.text !== undefined) {
      bodyChars += item.record.text.length;
      bodies++;
    }
    if (item.record.published < latest) {
      info.outOfOrder++;
      lateness.push(latest - item.record.published);
    }
    latest = Math.max(latest, item.record.published);
    first = Math.min(first, item.record.published);
    last = Math.max(last, item.record.published);
    if (!out.write(line)) await once(out, 'drain');
  };

  for (let s = 0; s < sizes.length; s++) {
    const start = starts[s]!;
    while (heap.size > 0 && heap.peek()!.arrival <= start) await emit(heap.pop()!);
    const size = sizes[s]!;
    const pool = pick(rand, data.pools);
    // The story's own names: two capitalised words of its lead stand for other names, so stories from one pool differ.
    const capitals = [...new Set(pool.articles[0]!.sentences.slice(0, 4).join(' ').match(/\b[A-Z][a-z]{3,}\b/g) ?? [])];
    const rename: [string, string][] = capitals.length ? Array.from({ length: 2 }, () => [pick(rand, capitals), pick(rand, data.names)]) : [];
    const spread = SHAPE.delayHours * HOUR * (1 + Math.log2(size));
    const times = Array.from({ length: size }, (_, j) => (j === 0 ? start : start + Math.min(20 * DAY, exponential(rand, spread)))).sort((a, b) => a - b);
    const written: { sentences: string[]; title: string }[] = [];
    for (let j = 0; j < size; j++) {
      const outlet = pick(rand, data.outlets);
      const published = Math.round(times[j]!);
      const record: BenchRecord = { id: `s${s}-${j}`, outlet, published, url: `https://${slug(outlet)}.example/${new Date(published).toISOString().slice(0, 10)}/s${s}-${j}` };
      const roll = rand();
      let kind: Item['kind'];
      if (roll < SHAPE.headlineOnly) {
        kind = 'headline';
        const source = written.length ? pick(rand, written).title : pick(rand, pool.articles).title;
        record.title = editTitle(rand, source ?? pick(rand, pool.articles).sentences[0]!.split(' ').slice(0, 12).join(' '));
      } else if (written.length > 0 && roll < SHAPE.headlineOnly + SHAPE.copyChance) {
        kind = 'copy';
        const source = pick(rand, written);
        const sentences = composeCopy(rand, source.sentences, data);
        record.title = rand() < 0.5 ? editTitle(rand, source.title) : source.title;
        record.text = withFurniture(rand, paragraphs(rand, sentences), outlet);
        written.push({ sentences, title: record.title });
      } else {
        kind = 'original';
        const sentences = composeOriginal(rand, pool, data, rename);
        const given = pick(rand, pool.articles).title;
        const title = given ? (rand() < 0.5 ? editTitle(rand, given) : given) : sentences[0]!.split(' ').slice(0, 12).join(' ');
        record.title = rename.reduce((t, [from, to]) => t.replaceAll(from, to), title);
        record.text = paragraphs(rand, sentences);
        written.push({ sentences, title: record.title });
      }
      heap.push({ arrival: published + exponential(rand, SHAPE.arrivalMinutes * 60_000), record, kind });
    }
  }
  while (heap.size > 0) await emit(heap.pop()!);
  out.end();
  await once(out, 'finish');
  info.meanBodyChars = bodies ? bodyChars / bodies : 0;
  info.meanCharsAll = info.articles ? bodyChars / info.articles : 0;
  lateness.sort((a, b) => a - b);
  info.lateMinutesP95 = lateness.length ? lateness[Math.floor(lateness.length * 0.95)]! / 60_000 : 0;
  info.firstPublished = new Date(first).toISOString();
  info.lastPublished = new Date(last).toISOString();
  return info;
}

/** The corpus shape in one paragraph, as the bench prints it. */
export function describeCorpus(c: CorpusInfo): string {
  const pct = (n: number): string => `${((100 * n) / Math.max(1, c.articles)).toFixed(1)}%`;
  const sizes = Object.entries(c.storySizes).map(([k, n]) => `${k}: ${n}`).join(', ');
  return (
    `${c.articles.toLocaleString('en-US')} articles, ${(c.bytes / 1048576).toFixed(1)} MB; body mean ${Math.round(c.meanBodyChars)} chars ` +
    `(${Math.round(c.meanCharsAll)} over all items); headlines only ${pct(c.headlineOnly)}; wire copies ${pct(c.copies)}; ` +
    `${c.stories.toLocaleString('en-US')} stories by size (${sizes}; largest ${c.largestStory}; ${pct(c.articlesInStoriesOf100)} of articles in stories of 100+); ` +
    `published ${c.firstPublished.slice(0, 10)}..${c.lastPublished.slice(0, 10)}, ${pct(c.outOfOrder)} arriving after a later-published item (95th percentile ${c.lateMinutesP95.toFixed(0)} min earlier)`
  );
}
