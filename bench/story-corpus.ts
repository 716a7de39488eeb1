// Builds one story for the brief bench: the reports of one ECB+ event, re-published as wire copies and rewrites by many outlets over days.
import { seededRandom } from '../test/seeded-random.js';
import { editBody, editTitle, pick, type BenchRecord, type Seed } from './corpus.js';

/** What a story of the brief bench is made of; printed beside the figures and written to bench/brief.json. */
export interface StoryShape {
  event: string;
  articles: number;
  /** Distinct reports of the event as the dev file has them, each published once as it is. */
  originals: number;
  /** An original with one or two small edits (sentence dropped or swapped, number changed, tagline) by another outlet. */
  wireCopies: number;
  /** One original's lead and part of its body, with whole sentences of a second original woven in. */
  rewrites: number;
  outlets: number;
  meanChars: number;
  firstPublished: string;
  lastPublished: string;
}

/** Share of the non-original articles that are wire copies; the rest are rewrites combining two reports. */
const WIRE_COPY_SHARE = 0.55;
const HOUR = 3_600_000;
const STORY_START = Date.UTC(2024, 2, 4, 6);
/** Originals appear over the first two days; copies and rewrites trail their sources by hours to days. */
const ORIGINALS_HOURS = 48;
const COPY_DELAY_HOURS = 72;

/**
 * The event the story is built from: among ECB+ events whose articles all have a title, the one
 * with the most text, so the bench measures full-length reports (a rule, not a name, so it picks
 * an event in any ECB+ file).
 */
export function pickEvent(seeds: readonly Seed[]): { event: string; reports: Seed[] } | undefined {
  const byEvent = new Map<string, Seed[]>();
  for (const s of seeds) if (s.kind === 'ecb' && s.text) byEvent.set(s.group, [...(byEvent.get(s.group) ?? []), s]);
  const chars = (list: Seed[]): number => list.reduce((sum, s) => sum + s.text!.length, 0);
  const candidates = [...byEvent].filter(([, list]) => list.length >= 5 && list.every((s) => s.title));
  candidates.sort((a, b) => chars(b[1]) - chars(a[1]) || (a[0] < b[0] ? -1 : 1));
  const best = candidates[0];
  return best && { event: best[0].replace(/^ecb-/, ''), reports: best[1] };
}

const linesOf = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

/** A rewrite: the lead of `a`, then its lines (most kept) with lines of `b` (fewer) woven in. */
function rewrite(rand: () => number, a: string, b: string): string {
  const [lead, ...rest] = linesOf(a);
  const out = [lead!];
  const fromB = linesOf(b).slice(1).filter(() => rand() < 0.4);
  for (const line of rest) {
    if (rand() < 0.75) out.push(line);
    if (fromB.length && rand() < 0.35) out.push(fromB.shift()!);
  }
  return [...out, ...fromB.slice(0, 2)].join('\n');
}

/**
 * A story of `articles` records built from the event's reports: each report once as it is (by its
 * own outlet, over the first two days), then wire copies and rewrites by other outlets, each
 * published after its sources. Sorted by publish time. Deterministic for a seed.
 */
export function buildStory(event: string, reports: readonly Seed[], outletNames: readonly string[], articles: number, seed = 42): { records: BenchRecord[]; shape: StoryShape } {
  const rand = seededRandom(seed);
  const outlets = outletNames.length ? [...outletNames].sort() : Array.from({ length: 200 }, (_, i) => `Outlet ${i + 1}`);
  const originals = reports.slice(0, articles).map((report, i) => ({
    report,
    outlet: outlets[Math.floor((i / reports.length) * outlets.length)]!,
    published: STORY_START + rand() * ORIGINALS_HOURS * HOUR,
  }));
  const records: BenchRecord[] = originals.map((o, i) => ({ id: `story-${i}`, title: o.report.title, text: o.report.text, url: o.report.url, outlet: o.outlet, published: Math.round(o.published) }));
  const seen = new Set(records.map((r) => r.text));
  let wireCopies = 0;
  let rewrites = 0;
  for (let attempts = 0; records.length < articles; attempts++) {
    if (attempts > articles * 50) throw new Error(`story corpus: the ${originals.length} reports of ${event} gave only ${records.length} distinct articles of ${articles}`);
    const a = pick(rand, originals);
    const delay = rand() * rand() * COPY_DELAY_HOURS * HOUR; // most copies within hours, a tail over days
    let record: BenchRecord;
    if (rand() < WIRE_COPY_SHARE) {
      let text = editBody(rand, a.report.text!);
      if (rand() < 0.3) text = editBody(rand, text);
      record = { id: `story-${records.length}`, title: rand() < 0.5 ? editTitle(rand, a.report.title!) : a.report.title, text, outlet: pick(rand, outlets), published: Math.round(a.published + delay) };
      if (seen.has(record.text)) continue;
      wireCopies++;
    } else {
      const b = pick(rand, originals.filter((o) => o !== a));
      if (!b) continue;
      record = { id: `story-${records.length}`, title: editTitle(rand, a.report.title!), text: rewrite(rand, a.report.text!, b.report.text!), outlet: pick(rand, outlets), published: Math.round(Math.max(a.published, b.published) + delay) };
      if (seen.has(record.text)) continue;
      rewrites++;
    }
    seen.add(record.text);
    records.push(record);
  }
  records.sort((x, y) => x.published - y.published || (x.id < y.id ? -1 : 1));
  return {
    records,
    shape: {
      event,
      articles: records.length,
      originals: originals.length,
      wireCopies,
      rewrites,
      outlets: new Set(records.map((r) => r.outlet)).size,
      meanChars: Math.round(records.reduce((sum, r) => sum + (r.text?.length ?? 0), 0) / records.length),
      firstPublished: new Date(records[0]!.published).toISOString(),
      lastPublished: new Date(records.at(-1)!.published).toISOString(),
    },
  };
}
