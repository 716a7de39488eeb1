// The brief's model: the typed sections of a story's brief, every item pointing back to article offsets.
import type { StorySummary } from '../store/store.js';
import type { EntityType } from './entities/entities.js';

/**
 * Version of the brief's JSON form; cached briefs of another version are rebuilt. The shape is
 * documented by docs/brief.schema.json: sections are added, never renamed.
 */
export const BRIEF_VERSION = '3';

/**
 * Revision of what buildBrief produces within one JSON form (a rule changed, not the shape): part
 * of the brief cache's key with BRIEF_VERSION, so no brief built by older code is served. Bump it
 * with every change to the brief's output.
 */
export const BRIEF_REVISION = '1';

/** An article's id in output: the stored id (a number) or, for `brief --input`, the input id. */
export type ArticleKey = number | string;

/**
 * A span of one source's text: the unit every section points back with. `start`/`end` are
 * JavaScript string indices into the article text as given (stored text, or the input `text`).
 */
export interface SourceSpan {
  /** Position of the source in the brief's `sources`, from 1. */
  ref: number;
  article: ArticleKey;
  start: number;
  end: number;
  text: string;
}

export interface PublishEstimate {
  /** Days (YYYY-MM-DD) the article was published between. */
  earliest: string;
  latest: string;
  basis: string;
}

export interface BriefSource {
  ref: number;
  article: ArticleKey;
  outlet: string;
  title: string | null;
  published: string | null;
  /** When the page gives no publish time: a range estimated from the text, shown as estimated. */
  publishedEstimate: PublishEstimate | null;
  url: string | null;
  source: string;
  authors: string[];
  credits: string[];
  cited: string[];
}

export interface BriefSentence {
  text: string;
  /** The source the sentence is quoted from, and its span in that article's text. */
  ref: number;
  article: ArticleKey;
  start: number;
  end: number;
  /** Every source that carries a sentence saying the same. */
  support: number[];
}

/** The first carrier of a quote or passage, and why. */
export interface BriefFirst {
  ref: number;
  article: ArticleKey;
  /** Its publish time, or its estimated range. */
  time: string;
  /** The choice rests on an estimated publish time. */
  estimated: boolean;
  basis: string;
}

export interface TimelineSourceSpan extends SourceSpan {
  /** The time expression that dates the event. */
  dateText: string;
}

export interface BriefTimelineEntry {
  /** TimeML value: `2021-01-06`, or coarser (`2021-01`, `2019`). */
  date: string;
  /** `day 2` for a phase of a multi-day event, else null. */
  label: string | null;
  /** A short wording of the event. */
  text: string;
  sources: TimelineSourceSpan[];
  /** A date well before the story's own span (context, not news). */
  background: boolean;
  /** Resolved against an estimated publish time. */
  estimated: boolean;
  /** `report`: the day a medium reported something ("KCNA said Friday"), not the day it happened. */
  kind: 'event' | 'report';
  /** After the publish day of every source: a plan or an expectation ("is to take office on Jan. 20"). */
  expected: boolean;
}

/** A mention inside a source: the speaker as the text names it, or the cue word. */
export interface LocalSpan {
  start: number;
  end: number;
  text: string;
}

export interface QuoteCarrier extends SourceSpan {
  kind: 'direct' | 'indirect' | 'mixed';
  speaker: LocalSpan | null;
  cue: LocalSpan | null;
}

export interface BriefQuote {
  /** A representative wording (the longest carried version). */
  text: string;
  kind: 'direct' | 'indirect' | 'mixed';
  /** Who said it, by the story's canonical name. */
  speaker: { name: string } | null;
  /** A medium relaying it ("…," KCNA said), by canonical name. */
  reportedBy: string | null;
  carriers: QuoteCarrier[];
  first: BriefFirst | null;
}

export interface BriefEntity {
  name: string;
  type: EntityType;
  /** Every form the story uses for it, the canonical one first. */
  aliases: string[];
  mentions: number;
  /** Mentions per source. */
  sources: { ref: number; count: number }[];
  /** Its first mention in the earliest source that names it. */
  first: SourceSpan;
}

/** A passage several sources carry word for word. */
export interface SharedPassage {
  carriers: SourceSpan[];
  words: number;
  text: string;
  /** Ref of the carrier that published first, or null when publish times cannot tell. */
  first: number | null;
  /** Why `first` was chosen, or why it could not be. */
  basis: string;
  /** `first` rests on an estimated publish time. */
  firstEstimated: boolean;
}

/** The story a brief is of: a stored story, or a story line of `brief --input` (whose id is the input's). */
export type BriefStory = Omit<StorySummary, 'id'> & { id: number | string };

/** How an article joined its origin group. */
export type OriginLink = 'origin' | 'near-duplicate' | 'copied-passage';

export interface OriginGroupMember {
  ref: number;
  article: ArticleKey;
  /** The earlier source this one copies most from (null for the group's origin). */
  copies: number | null;
  link: OriginLink;
  /** Words shared word for word with `copies`, quotations left out (estimated). */
  sharedWords: number;
  /** Share of this source's own wording (outside quotations) that `copies` also has. */
  overlap: number;
  /** Agencies the source credits: shown, never a reason to merge. */
  credits: string[];
}

/** Sources that copy one text: one independent source. */
export interface OriginGroup {
  id: number;
  /** The earliest publisher of the group. */
  origin: { ref: number; article: ArticleKey; outlet: string };
  /** Agencies the group's texts credit; the credited agency is the group's origin when there is one. */
  credited: string[];
  members: OriginGroupMember[];
}

/** The story with what its origin groups tell. */
export type BriefStoryView = BriefStory & {
  /** Distinct origin groups among the sources. */
  independentSources: number;
  originGroups: OriginGroup[];
};

/** A statement several sources make, in their own words. */
export interface BriefClaim {
  /** A representative wording (the one most sources carry). */
  text: string;
  /** The representative statement's source and offsets. */
  ref: number;
  article: ArticleKey;
  start: number;
  end: number;
  /** Every statement of the claim. */
  sources: SourceSpan[];
  refs: number[];
  /** Distinct origin groups among `refs`. */
  independentSources: number;
}

/** What only one source says. */
export interface SingleSourceClaims {
  ref: number;
  article: ArticleKey;
  outlet: string;
  claims: SourceSpan[];
  /** Statements left out of `claims` beyond the brief's limit per source. */
  more: number;
}

export interface ConflictSide extends SourceSpan {
  /** The sentence the differing value stands in. */
  sentence: LocalSpan;
}

export interface BriefConflict {
  kind: 'number' | 'date' | 'name' | 'place';
  /** A rounding, an approximation or a day that may be the report's: shown, not alarming. */
  minor: boolean;
  /** The versions, in the order of `sides`' first appearance. */
  values: string[];
  /** At least two, from different sources: `start`/`end` mark the differing value. */
  sides: ConflictSide[];
  note: string | null;
}

export interface BriefAgency {
  name: string;
  credited: number[];
  cited: number[];
}

export interface Brief {
  /** The input id of the story (`brief --input` only). */
  id?: string | number;
  version: string;
  story: BriefStoryView;
  sources: BriefSource[];
  summary: BriefSentence[];
  timeline: BriefTimelineEntry[];
  quotes: BriefQuote[];
  entities: BriefEntity[];
  passages: SharedPassage[];
  agencies: BriefAgency[];
  /** Claims at least two sources make, most independent sources first. */
  claims: BriefClaim[];
  /** Statements only one source makes, per source. */
  singleSourceClaims: SingleSourceClaims[];
  conflicts: BriefConflict[];
  /** Limits applied and sections left out (with why). */
  notes: string[];
}
