// Builds the bench corpus: the dev articles (ECB+ texts, UCI headlines) scaled to N near-copies, as JSONL under .tmp/bench.
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

export interface CorpusInfo {
  file: string;
  articles: number;
  bytes: number;
  /** Copies of ECB+ full texts and of UCI titles-only items. */
  texts: number;
  titlesOnly: number;
  /** Distinct (gold story, generation) groups: the number of "real" events the corpus holds. */
  events: number;
  /** Copies that needed an extra edit because a first edit collided with an earlier copy. */
  collisionsFixed: number;
  firstPublished: string;
  lastPublished: string;
}

export const SEED_FILES = ['ecbplus/ecbplus-dev.jsonl', 'uci/uci-titles-dev.jsonl'] as const;

/** Where copies are published: a six-month window, so time-aware clustering sees a realistic stream. */
const SPAN_START = Date.UTC(2024, 0, 1);
const SPAN_DAYS = 180;
/** Copies of one event arrive within this many days of its start (news cycles are short). */
const EVENT_DAYS = 3;
const DAY = 86_400_000;


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

/** One copy of a seed: a new id, a publish time inside its event's window, one or two edits. */
function variant(rand: () => number, seed: Seed, copy: number, eventStart: number, outlets: readonly string[]): BenchRecord {
  const record: BenchRecord = { id: `${seed.id}~${copy}`, published: Math.round(eventStart + rand() * EVENT_DAYS * DAY) };
  const edits = rand() < 0.3 ? 2 : 1;
  let title = seed.title;
  let body = seed.text;
  for (let i = 0; i < edits; i++) {
    if (body !== undefined && (title === undefined || rand() < 0.8)) body = editBody(rand, body);
    else if (title !== undefined) title = editTitle(rand, title);
  }
  if (title !== undefined) record.title = title;
  if (body !== undefined) record.text = body;
  if (seed.url) record.url = copy === 0 ? seed.url : `${seed.url}${seed.url.includes('?') ? '&' : '?'}copy=${copy}`;
  // Copies of a headline are carried by other outlets half of the time, as aggregated feeds are.
  const outlet = seed.outlet && rand() < 0.5 ? seed.outlet : seed.kind === 'uci' ? pick(rand, outlets) : undefined;
  if (outlet) record.outlet = outlet;
  return record;
}

/**
 * Scale the seeds to `articles` records: generation g holds one copy of every seed (in a shuffled
 * order, so a partial last generation is a fair sample), each gold story of a generation is one event
 * starting at a random day of the six months, and the whole corpus is sorted by publish time, as a
 * feed would deliver it. No two records have the same title and text.
 */
export function scaleCorpus(seeds: readonly Seed[], articles: number, seed = 42): { records: BenchRecord[]; events: number; collisionsFixed: number } {
  const rand = seededRandom(seed); // the same seed gives the same corpus on every machine
  const outlets = [...new Set(seeds.map((s) => s.outlet).filter((o): o is string => o !== undefined))].sort();
  const records: BenchRecord[] = [];
  const seen = new Set<string>(seeds.map((s) => `${s.title ?? ''}\u0001${s.text ?? ''}`));
  const eventStarts = new Map<string, number>();
  let collisionsFixed = 0;
  for (let generation = 0; records.length < articles; generation++) {
    const order = seeds.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      if (records.length >= articles) break;
      const s = seeds[index]!;
      const event = `${s.group}#${generation}`;
      let start = eventStarts.get(event);
      if (start === undefined) eventStarts.set(event, (start = SPAN_START + rand() * (SPAN_DAYS - EVENT_DAYS) * DAY));
      let record = variant(rand, s, generation, start, outlets);
      // An edit can reproduce an earlier copy (the same word dropped twice): edit again until it is new.
      for (let attempt = 0; seen.has(`${record.title ?? ''}\u0001${record.text ?? ''}`) && attempt < 8; attempt++) {
        collisionsFixed++;
        const again = variant(rand, { ...s, title: record.title, text: record.text }, generation, start, outlets);
        record = { ...again, id: record.id, url: record.url };
      }
      seen.add(`${record.title ?? ''}\u0001${record.text ?? ''}`);
      records.push(record);
    }
  }
  records.sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : 1));
  return { records, events: eventStarts.size, collisionsFixed };
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

/** Build and write the corpus of `articles` records to `file`. */
export async function buildCorpus(seeds: readonly Seed[], articles: number, file: string, seed = 42): Promise<CorpusInfo> {
  const { records, events, collisionsFixed } = scaleCorpus(seeds, articles, seed);
  const bytes = await writeJsonl(file, records);
  const texts = records.filter((r) => r.text !== undefined).length;
  return {
    file,
    articles: records.length,
    bytes,
    texts,
    titlesOnly: records.length - texts,
    events,
    collisionsFixed,
    firstPublished: new Date(records[0]?.published ?? SPAN_START).toISOString(),
    lastPublished: new Date(records.at(-1)?.published ?? SPAN_START).toISOString(),
  };
}
