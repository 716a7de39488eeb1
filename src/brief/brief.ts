// The brief of one story: sources, summary, timeline, quotes, entities, shared passages and agencies, each pointing back to offsets.
import { basename } from 'node:path';
import type { StoredArticle, StorySummary } from '../store/store.js';
import { alignPrepared, prepareAlignment } from '../text/passage-align.js';
import type { SourceMap } from '../text/source-map.js';
import { tokenize } from '../text/tokens.js';
import { analyseArticle, MAX_ANALYSED_CHARS, type ArticleAnalysis } from './analysis.js';
import { mergeEntities, type EntityMention, type EntityType } from './entities/entities.js';
import { firstCarrier, type SourceTime } from './first-carrier.js';
import {
  BRIEF_VERSION,
  type ArticleKey,
  type Brief,
  type BriefAgency,
  type BriefClaim,
  type BriefConflict,
  type BriefEntity,
  type BriefFirst,
  type BriefQuote,
  type BriefSource,
  type BriefStory,
  type BriefTimelineEntry,
  type OriginGroup,
  type SharedPassage,
  type SingleSourceClaims,
  type SourceSpan,
} from './model.js';
import { groupClaims, SAME_CLAIM_SCORER, type ClaimsResult } from './claims/claims.js';
import { findConflicts } from './conflicts/conflicts.js';
import { groupIdsOf, originGroups } from './origins/origins.js';
import { quoteGroups } from './quotes/carriers.js';
import type { Quote } from './quotes/quotes.js';
import { summaryContext } from './summary/context.js';
import { summarize } from './summary/summary.js';
import { estimatePublished } from './timeline/estimate.js';
import { timelineOf, type TimexMemo } from './timeline/timeline.js';

export { BRIEF_VERSION } from './model.js';
export type { Brief } from './model.js';

/** One article as the brief reads it, whatever it came from (the store, or `brief --input`). */
export interface BriefArticle {
  key: ArticleKey;
  /** The cleaned text every section analyses. */
  text: string;
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
  /** The file (or file:line) it was read from. */
  source: string;
  authors: string[];
  credits: string[];
  cited: string[];
  /**
   * Offsets of `text` back into the text as given, and that text: spans are reported there.
   * Absent for stored articles, whose stored text is what offsets index.
   */
  sourceMap?: SourceMap;
  sourceText?: string;
  /** Its per-article analysis when already made (stored); made here otherwise. */
  analysis?: ArticleAnalysis;
}

export interface BriefOptions {
  summaryWords?: number;
  /** The input id of the story (`brief --input`). */
  id?: string | number;
  /** Called with each per-article analysis the brief had to make, so the caller can keep it. */
  analysed?: (key: ArticleKey, analysis: ArticleAnalysis) => void;
}

/** Reported (not quoted) speech shorter than this many words is left out of the brief's quotes. */
const MIN_REPORTED_WORDS = 5;
/** Pairs compared for shared passages grow quadratically; beyond this many sources only the earliest are paired. */
const MAX_PASSAGE_SOURCES = 60;
/** Statements only one source makes, listed per source at most: all of them in a small story, the first few in a large one. */
const singleClaimLimit = (sources: number): number => Math.max(5, Math.floor(400 / Math.max(1, sources)));

export const sourceLabel = (article: { outlet?: string; source: string }): string => article.outlet ?? basename(article.source);

/** The brief of a stored story (articles oldest first). */
export function buildBrief(story: StorySummary, articles: StoredArticle[], options: BriefOptions & { analyses?: Map<number, ArticleAnalysis> } = {}): Brief {
  return buildBriefOf(
    story,
    articles.map((a) => ({
      key: a.id,
      text: a.text,
      title: a.title,
      outlet: a.outlet,
      published: a.published,
      url: a.url,
      source: a.source,
      authors: a.authors,
      credits: a.credits,
      cited: a.cited,
      analysis: options.analyses?.get(a.id),
    })),
    options,
  );
}

/** A section that throws on odd content is left out with a note; the brief is still produced. */
function section<T>(name: string, notes: string[], empty: T, build: () => T): T {
  try {
    return build();
  } catch (error) {
    notes.push(`the ${name} section was left out: ${(error as Error).message}`);
    return empty;
  }
}

/** Build the brief of any list of articles (oldest first is the natural order; refs follow it). */
export function buildBriefOf(story: BriefStory, given: BriefArticle[], options: BriefOptions = {}): Brief {
  const notes: string[] = [];
  // Per-article analyses: kept from an earlier build, or made now (and handed to the caller to keep).
  const changed = new Set<number>();
  const givenAnalyses: ArticleAnalysis[] = given.map((a, i) => {
    if (a.analysis) return a.analysis;
    const made = section('entities and quotes', notes, undefined, () => analyseArticle(a.text));
    if (made) changed.add(i);
    return made ?? { version: '', mentions: [], quotes: [] };
  });
  const timexMemo: TimexMemo = {
    get: (i, reference) => (givenAnalyses[i]!.timex?.reference === reference ? givenAnalyses[i]!.timex!.expressions : undefined),
    set: (i, reference, expressions) => {
      givenAnalyses[i] = { ...givenAnalyses[i]!, timex: { reference, expressions } };
      changed.add(i);
    },
  };
  // The timeline resolves every article's dates against its publish day, estimating the days
  // pages do not state; the sources show those same estimates.
  const storyTimeline = section('timeline', notes, undefined, () =>
    timelineOf(
      given.map((a, i) => ({ key: String(i), text: a.text, title: a.title, published: a.published })),
      timexMemo,
    ),
  );
  for (const i of changed) if (givenAnalyses[i]!.version) options.analysed?.(given[i]!.key, givenAnalyses[i]!);
  // Only when the timeline failed are the estimates made on their own.
  const stated = given.filter((a) => a.published).map((a) => a.published!);
  const guessed = given.map((a, i) => {
    if (a.published) return null;
    if (storyTimeline) return storyTimeline.references[String(i)]?.estimate ?? null;
    return section('publish-time estimate', notes, null, () => estimatePublished({ key: String(i), text: a.text, title: a.title }, stated) ?? null);
  });
  // Sources in publish order, estimates included: an estimated day sorts at its end, after the
  // stated times of that day (a stated time is trusted over a guess); undated sources go last.
  const order = given
    .map((a, i) => ({ i, t: a.published ? Date.parse(a.published) : guessed[i] ? Date.parse(`${guessed[i]!.latest}T23:59:59Z`) : Number.NaN }))
    .map((x) => ({ ...x, t: Number.isNaN(x.t) ? Infinity : x.t }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.i);
  const articles = order.map((i) => given[i]!);
  const estimates = order.map((i) => guessed[i]);
  const refOfGiven = new Map(order.map((i, position) => [String(i), position + 1]));
  const sources: BriefSource[] = articles.map((a, i) => ({
    ref: i + 1,
    article: a.key,
    outlet: sourceLabel(a),
    title: a.title ?? null,
    published: a.published ?? null,
    publishedEstimate: estimates[i] ?? null,
    url: a.url ?? null,
    source: a.source,
    authors: a.authors,
    credits: a.credits,
    cited: a.cited,
  }));
  const times: SourceTime[] = sources.map((s) => ({
    ref: s.ref,
    published: s.published ?? undefined,
    estimate: s.publishedEstimate ? { earliest: s.publishedEstimate.earliest, latest: s.publishedEstimate.latest } : undefined,
  }));
  const spanOf = (ref: number, start: number, end: number): SourceSpan => {
    const a = articles[ref - 1]!;
    if (!a.sourceMap || a.sourceText === undefined) return { ref, article: a.key, start, end, text: a.text.slice(start, end) };
    const [s, e] = a.sourceMap.rangeToSource(start, end);
    return { ref, article: a.key, start: s, end: e, text: a.sourceText.slice(s, e) };
  };
  const first = (refs: number[]): BriefFirst | null => {
    const chosen = firstCarrier(refs.map((ref) => times[ref - 1]!));
    return chosen ? { ref: chosen.ref, article: articles[chosen.ref - 1]!.key, time: chosen.time, estimated: chosen.estimated, basis: chosen.basis } : null;
  };

  const analyses = order.map((i) => givenAnalyses[i]!);
  const cut = articles.filter((a) => a.text.length > MAX_ANALYSED_CHARS).length;
  if (cut) notes.push(`quotes and entities were read from the first ${MAX_ANALYSED_CHARS} characters of ${cut} long article${cut === 1 ? '' : 's'}`);

  // Origin groups: copies of one text are one source. Without them every source counts as its own.
  const groups = section('origin groups', notes, [] as OriginGroup[], () =>
    originGroups(articles.map((a, i) => ({ ref: i + 1, text: a.text, outlet: sourceLabel(a), credits: a.credits }))).map((g) => ({
      id: g.id,
      origin: { ref: g.origin, article: articles[g.origin - 1]!.key, outlet: sources[g.origin - 1]!.outlet },
      credited: g.credited,
      members: g.members.map((m) => ({ ...m, article: articles[m.ref - 1]!.key })),
    })),
  );
  const groupOf = groupIdsOf(groups, sources.map((s) => s.ref));
  const independentSources = new Set(groupOf.values()).size;

  const claimResult = section('claims', notes, null as ClaimsResult | null, () =>
    groupClaims(
      articles.map((a, i) => ({ ref: i + 1, text: a.text, group: groupOf.get(i + 1)! })),
      SAME_CLAIM_SCORER,
    ),
  );
  const summary = section('summary', notes, [], () =>
    summarize(
      articles.map((a, i) => ({ id: String(i + 1), title: a.title, text: a.text, time: a.published ? Date.parse(a.published) : undefined })),
      options.summaryWords ?? 90,
      summaryContext(groupOf, claimResult),
    ).map((s) => {
      const ref = Number(s.document);
      const span = spanOf(ref, s.start, s.end);
      return { text: s.text, ref, article: span.article, start: span.start, end: span.end, support: s.support.map(Number).sort((x, y) => x - y) };
    }),
  );

  const timeline: BriefTimelineEntry[] = (storyTimeline?.entries ?? []).map((entry) => ({
    date: entry.date,
    label: entry.label,
    text: entry.text,
    background: entry.background,
    estimated: entry.estimated,
    kind: entry.kind ?? 'event',
    expected: entry.expected ?? false,
    sources: entry.sources.map((s) => ({ ...spanOf(refOfGiven.get(s.article)!, s.start, s.end), dateText: s.dateText })),
  }));
  if (storyTimeline) notes.push(...storyTimeline.notes);

  // Merging rewrites mention names in place: merge copies, so a stored analysis stays as it was.
  const mentions: EntityMention[][] = analyses.map((a) => a.mentions.map((m) => ({ ...m })));
  const entities = section('entities', notes, [] as BriefEntity[], () => buildEntities(mentions, spanOf));
  const canonical = canonicalNames(entities);

  const typeOf = new Map(entities.map((e) => [e.name, e.type]));
  const quotes = section('quotes', notes, [] as BriefQuote[], () => buildQuotes(analyses.map((a) => a.quotes), canonical, (name) => typeOf.get(name), spanOf, first));

  const passages = section('shared passages', notes, [] as SharedPassage[], () => buildPassages(articles, spanOf, first, notes));

  const claims: BriefClaim[] = (claimResult?.claims ?? []).map((claim) => {
    const representative = spanOf(claim.representative.ref, claim.representative.start, claim.representative.end);
    return {
      text: representative.text,
      ref: representative.ref,
      article: representative.article,
      start: representative.start,
      end: representative.end,
      sources: claim.statements.map((s) => spanOf(s.ref, s.start, s.end)),
      refs: claim.refs,
      independentSources: claim.independentSources,
    };
  });
  const limit = singleClaimLimit(sources.length);
  const singleSourceClaims: SingleSourceClaims[] = [...(claimResult?.single ?? new Map<number, never[]>()).entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([ref, statements]) => ({
      ref,
      article: articles[ref - 1]!.key,
      outlet: sources[ref - 1]!.outlet,
      claims: statements.slice(0, limit).map((s) => spanOf(ref, s.start, s.end)),
      more: Math.max(0, statements.length - limit),
    }));
  const conflicts: BriefConflict[] = section('conflicts', notes, [] as BriefConflict[], () =>
    findConflicts(articles.map((a, i) => ({ ref: i + 1, text: a.text, published: a.published }))).map((c) => ({
      kind: c.kind,
      minor: c.minor,
      values: c.values,
      sides: c.sides.map((side) => ({ ...spanOf(side.ref, side.start, side.end), sentence: localSpan(spanOf(side.ref, side.sentence.start, side.sentence.end)) })),
      note: c.note ?? null,
    })),
  );

  const agencies = new Map<string, BriefAgency>();
  const entry = (name: string) => agencies.get(name) ?? agencies.set(name, { name, credited: [], cited: [] }).get(name)!;
  for (const s of sources) {
    for (const name of s.credits) entry(name).credited.push(s.ref);
    for (const name of s.cited) entry(name).cited.push(s.ref);
  }
  const estimated = sources.filter((s) => s.publishedEstimate).map((s) => `[${s.ref}]`);
  if (estimated.length) notes.push(`publish times of ${estimated.join('')} are estimated from their text; ordering and first carriers use the estimates`);
  return {
    ...(options.id !== undefined ? { id: options.id } : {}),
    version: BRIEF_VERSION,
    story: { ...story, independentSources, originGroups: groups },
    sources,
    summary,
    timeline,
    quotes,
    entities,
    passages,
    agencies: [...agencies.values()],
    claims,
    singleSourceClaims,
    conflicts,
    notes,
  };
}

/** Entities merged across the story's sources, with counts per source, most widely named first. */
function buildEntities(mentions: EntityMention[][], spanOf: (ref: number, start: number, end: number) => SourceSpan): BriefEntity[] {
  const merged = mergeEntities(mentions);
  return merged
    .map((entity) => {
      const perSource = new Map<number, number>();
      for (const m of entity.mentions) perSource.set(m.doc + 1, (perSource.get(m.doc + 1) ?? 0) + 1);
      const firstMention = [...entity.mentions].sort((x, y) => x.doc - y.doc || x.start - y.start)[0]!;
      const aliases = [entity.name, ...entity.aliases.filter((a) => a !== entity.name)];
      return {
        name: entity.name,
        type: entity.type,
        aliases: [...new Set(aliases)],
        mentions: entity.mentions.length,
        sources: [...perSource.entries()].sort((x, y) => x[0] - y[0]).map(([ref, count]) => ({ ref, count })),
        first: spanOf(firstMention.doc + 1, firstMention.start, firstMention.end),
      };
    })
    .sort((x, y) => y.sources.length - x.sources.length || y.mentions - x.mentions || (x.name < y.name ? -1 : 1));
}

/** Lower-cased alias -> the entity's canonical name, so speakers and media read as the entity list does. */
function canonicalNames(entities: BriefEntity[]): (name: string | null | undefined) => string | null {
  const byAlias = new Map<string, string>();
  const key = (name: string): string => name.toLowerCase().replace(/[‘’']s$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Entities named in more sources claim an ambiguous alias first.
  for (const entity of entities) for (const alias of entity.aliases) if (!byAlias.has(key(alias))) byAlias.set(key(alias), entity.name);
  return (name) => (name ? (byAlias.get(key(name)) ?? name) : null);
}

function buildQuotes(
  perSource: Quote[][],
  canonical: (name: string | null | undefined) => string | null,
  typeOf: (name: string) => EntityType | undefined,
  spanOf: (ref: number, start: number, end: number) => SourceSpan,
  first: (refs: number[]) => BriefFirst | null,
): BriefQuote[] {
  // When carriers disagree on who spoke, a person beats an organisation, which beats a place or an
  // unknown phrase: "Kim examined relations with South Korea “…,” KCNA said" names South Korea
  // nearest the quote, while another outlet says "Kim said".
  const SPEAKER_RANK: Record<string, number> = { PER: 0, ORG: 1, none: 2, LOC: 3 };
  const speakerRank = (name: string): number => SPEAKER_RANK[typeOf(name) ?? 'none']!;
  // Reported speech of a few words ("criticised foreign policy") is a stance, not something said:
  // the brief lists it only when it is quoted word for word.
  const said = (quote: Quote): boolean => quote.kind === 'direct' || quote.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= MIN_REPORTED_WORDS;
  const items = perSource.flatMap((quotes, i) => quotes.filter(said).map((quote) => ({ ref: i + 1, quote, speaker: canonical(quote.speaker?.name) })));
  return quoteGroups(items).map((group) => {
    const members = group.map((g) => items[g]!);
    // The representative wording: quoted words over reported speech, then the fullest version.
    const rank = { direct: 0, mixed: 1, indirect: 2 } as const;
    const longest = members.reduce((x, y) => (rank[y.quote.kind] < rank[x.quote.kind] || (rank[y.quote.kind] === rank[x.quote.kind] && y.quote.text.length > x.quote.text.length) ? y : x));
    const speaker = majority(members.map((m) => m.speaker), speakerRank);
    const reportedBy = majority(members.map((m) => canonical(m.quote.reportedBy?.name)));
    const carriers = members.map((m) => ({
      ...spanOf(m.ref, m.quote.start, m.quote.end),
      kind: m.quote.kind,
      speaker: m.quote.speaker ? localSpan(spanOf(m.ref, m.quote.speaker.start, m.quote.speaker.end)) : null,
      cue: m.quote.cue ? localSpan(spanOf(m.ref, m.quote.cue.start, m.quote.cue.end)) : null,
    }));
    return {
      text: longest.quote.text,
      kind: longest.quote.kind,
      speaker: speaker ? { name: speaker } : null,
      reportedBy,
      carriers,
      first: first([...new Set(carriers.map((c) => c.ref))]),
    };
  });
}

const localSpan = (span: SourceSpan) => ({ start: span.start, end: span.end, text: span.text });

/** The most frequent non-null value of the best rank (lower is better; the earliest on a tie), or null. */
function majority(values: (string | null)[], rankOf: (value: string) => number = () => 0): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) {
    if (best === null || rankOf(v) < rankOf(best) || (rankOf(v) === rankOf(best) && n > counts.get(best)!)) best = v;
  }
  return best;
}

/** Share of the shorter span that two spans of one text have in common. */
const overlap = (x: { start: number; end: number }, y: { start: number; end: number }): number =>
  Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)) / Math.max(1, Math.min(x.end - x.start, y.end - y.start));

interface LocalPair {
  a: { ref: number; start: number; end: number };
  b: { ref: number; start: number; end: number };
  words: number;
}

function buildPassages(
  articles: BriefArticle[],
  spanOf: (ref: number, start: number, end: number) => SourceSpan,
  first: (refs: number[]) => BriefFirst | null,
  notes: string[],
): SharedPassage[] {
  const paired = articles.slice(0, MAX_PASSAGE_SOURCES);
  if (articles.length > paired.length) notes.push(`shared passages were looked for among the ${paired.length} earliest of ${articles.length} sources`);
  const prepared = paired.map((a) => prepareAlignment(tokenize(a.text)));
  const pairs: LocalPair[] = [];
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      for (const p of alignPrepared(prepared[i]!, prepared[j]!)) {
        pairs.push({ a: { ref: i + 1, start: p.a[0], end: p.a[1] }, b: { ref: j + 1, start: p.b[0], end: p.b[1] }, words: p.tokens });
      }
    }
  }
  const passages = groupPassages(pairs).map((group) => {
    const longest = group.spans.reduce((x, y) => (y.end - y.start > x.end - x.start ? y : x));
    const chosen = first(group.spans.map((s) => s.ref));
    return {
      carriers: group.spans.map((s) => spanOf(s.ref, s.start, s.end)),
      words: group.words,
      text: articles[longest.ref - 1]!.text.slice(longest.start, longest.end),
      first: chosen?.ref ?? null,
      basis: chosen?.basis ?? 'no publish times to order them',
      firstEstimated: chosen?.estimated ?? false,
    };
  });
  return passages.sort((x, y) => y.carriers.length - x.carriers.length || y.words - x.words || x.carriers[0]!.ref - y.carriers[0]!.ref);
}

/**
 * Group pairwise shared passages into passages with all their carriers: spans of one source that
 * mostly overlap are the same passage (the KCNA quote that sources 1, 2 and 3 all carry).
 */
function groupPassages(pairs: LocalPair[]): { spans: { ref: number; start: number; end: number }[]; words: number }[] {
  const spans: { ref: number; start: number; end: number }[] = [];
  const parent: number[] = [];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const words = new Map<number, number>();
  const node = (span: { ref: number; start: number; end: number }, n: number): number => {
    let i = spans.findIndex((s) => s.ref === span.ref && overlap(s, span) >= 0.5);
    if (i === -1) {
      i = spans.push({ ...span }) - 1;
      parent.push(i);
    } else if (span.end - span.start > spans[i]!.end - spans[i]!.start) spans[i] = { ...span };
    words.set(i, Math.max(words.get(i) ?? 0, n));
    return i;
  };
  for (const pair of pairs) parent[find(node(pair.a, pair.words))] = find(node(pair.b, pair.words));
  const groups = new Map<number, number[]>();
  spans.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].map((members) => ({
    spans: members.map((i) => spans[i]!).sort((x, y) => x.ref - y.ref),
    words: Math.max(...members.map((i) => words.get(i)!)),
  }));
}
