// Every disagreeing candidate slot pair of the planted ECB+ dev stories with its features and a label, for the
// experiment of eval/conflicts-learn.ts: plant (one side on a planted value, the other in a carrier stating the old
// value), weak (the other side elsewhere in a carrier), altered (a side in the altered article), control, other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidatePairs, statedByBoth } from '../src/brief/conflicts/pairing.js';
import { mutualBest } from '../src/brief/conflicts/conflicts.js';
import { prepareArticle } from '../src/brief/conflicts/prepared.js';
import { storyStats } from '../src/brief/conflicts/story-stats.js';
import { modelScore, prepareClaim, type PreparedClaim } from '../src/brief/claims/same-claim.js';
import { compareSlots } from '../src/brief/conflicts/values.js';
import { createContext, readDataJsonl } from './context.js';
import type { ConflictStory } from './conflicts.js';
import type { ConflictTruth } from './metrics/conflict-match.js';

export type PairRow = Record<string, string | number | boolean>;

const norm = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');
const contains = (x: string, y: string) => norm(x).includes(norm(y)) || norm(y).includes(norm(x));

export function conflictPairRows(dataDir: string): { rows: PairRow[]; truth: ConflictTruth } {
const stories = readDataJsonl<ConflictStory>(join(dataDir, 'conflicts', 'ecbplus-dev-stories.jsonl'));
const truth = JSON.parse(readFileSync(join(dataDir, 'conflicts', 'ecbplus-dev-truth.json'), 'utf8')) as ConflictTruth;
const controls = new Set(truth.controls);
const rows: PairRow[] = [];
for (const story of stories) {
  const prepared = story.articles.map((a, i) => prepareArticle(i, a.text, a.published ?? undefined));
  const stats = storyStats(prepared);
  const { pairs } = candidatePairs(prepared, stats, (_a, _b, f) => f.unit);
  const best = new Set(mutualBest(pairs, prepared.length));
  const claims = new Map<string, PreparedClaim>();
  const claimOf = (art: number, sentence: number) => {
    const key = `${art}:${sentence}`;
    let c = claims.get(key);
    if (!c) {
      const span = prepared[art]!.sentences[sentence]!;
      claims.set(key, (c = prepareClaim(prepared[art]!.text.slice(span.start, span.end))));
    }
    return c;
  };
  for (const pair of pairs) {
    const sa = prepared[pair.a.article]!.slots[pair.a.slot]!;
    const sb = prepared[pair.b.article]!.slots[pair.b.slot]!;
    const agreement = compareSlots(sa, sb);
    if (agreement !== 'conflict' && agreement !== 'minor') continue;
    const A = story.articles[pair.a.article]!;
    const B = story.articles[pair.b.article]!;
    let label = controls.has(story.id) ? 'control' : 'other';
    let plant = '';
    for (const p of truth.planted) {
      if (p.story !== story.id) continue;
      const hitA = A.id === p.article && sa.start < p.end && sa.end > p.start && p.carriers.includes(B.id);
      const hitB = B.id === p.article && sb.start < p.end && sb.end > p.start && p.carriers.includes(A.id);
      if (hitA || hitB) {
        label = contains(hitA ? B.text.slice(sb.start, sb.end) : A.text.slice(sa.start, sa.end), p.old) ? 'plant' : 'weak';
        plant = `${p.story}:${p.article}:${p.start}`;
      } else if (label === 'other' && (A.id === p.article || B.id === p.article)) label = 'altered';
    }
    const statedIn = (art: number, sentence: number, value: typeof sa) =>
      prepared[art]!.slots.some((o) => o.sentence === sentence && o.type === value.type && compareSlots(o, value) === 'same');
    const f = pair.features;
    rows.push({
        story: story.id,
        label,
        plant,
        type: sa.type === 'number' && sa.unit![0] === 'age' ? 'age' : sa.type,
        minor: agreement === 'minor',
        mutual: best.has(pair),
        statedIn: statedIn(pair.b.article, sb.sentence, sa) || statedIn(pair.a.article, sa.sentence, sb),
        holdersA: stats.holders(pair.a.article, pair.a.slot).size,
        holdersB: stats.holders(pair.b.article, pair.b.slot).size,
        bothStated: statedByBoth(stats, pair),
        articles: prepared.length,
        reportA: Boolean(sa.reportDay),
        reportB: Boolean(sb.reportDay),
        claim: best.has(pair) ? modelScore(claimOf(pair.a.article, sa.sentence), claimOf(pair.b.article, sb.sentence)) : 0,
        crowd: Math.max(sa.crowd ?? 0, sb.crowd ?? 0),
        ...f,
        score: pair.score,
        ka: pair.a.article,
        sla: pair.a.slot,
        kb: pair.b.article,
        slb: pair.b.slot,
        va: A.text.slice(sa.start, sa.end),
        vb: B.text.slice(sb.start, sb.end),
    });
  }
}
return { rows, truth };
}

if (process.argv[1]?.endsWith('conflicts-pairs.js')) for (const row of conflictPairRows(createContext().dataDir).rows) console.log(JSON.stringify(row));
