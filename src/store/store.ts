// The store interface every engine implements (SQLite now, PostgreSQL later), with its record types.
import { existsSync } from 'node:fs';
import type { ArticleInput, SourceRef } from '../article.js';

// What incremental clustering needs from storage: term statistics and story centroids found by term.

/** A story as clustering sees it: a centroid over its articles' term vectors and its time span. */
export interface StoryCentroid {
  id: number;
  /** Sum of member unit vectors, cut to the strongest terms. */
  vector: Map<string, number>;
  size: number;
  /** Epoch ms of the earliest and latest article with a time; undefined when none had one. */
  firstSeen?: number;
  lastSeen?: number;
}

/**
 * Storage for incremental clustering. Every call touches a bounded number of rows (the terms of
 * one article, a capped list of candidate stories), so the cost per article does not grow with
 * the number of articles stored.
 */
export interface StoryIndex {
  /** Count a document's distinct terms into the document frequencies. */
  addDocument(terms: Iterable<string>): Promise<void>;
  /** Number of documents counted, and the document frequency of each term asked for. */
  frequencies(terms: string[]): Promise<{ documents: number; df: Map<string, number> }>;
  /**
   * Stories indexed under any of the terms, those sharing most terms first, at most `limit`;
   * with `since` (epoch ms), only stories whose latest article is that recent or that have no time.
   */
  candidates(terms: string[], limit: number, since?: number): Promise<StoryCentroid[]>;
  /** Create or replace a story centroid and index it under its strongest terms. */
  saveStory(story: StoryCentroid, indexTerms: string[]): Promise<void>;
  /** A new story id. */
  newStoryId(): Promise<number>;
  /**
   * Merge story `from` into story `into` (whose centroid the caller has already saved with both): `from`
   * leaves the index, its articles become `into`'s, and the merge is recorded so `from` still resolves.
   */
  mergeStory(from: number, into: number): Promise<void>;
}

/** What clustering reads of a stored article (a re-run of clustering needs nothing else). */
export interface ClusteringInput {
  id: number;
  story: number;
  title?: string;
  text: string;
  url?: string;
  published?: string;
  /** The dateline as stored (its text). */
  dateline?: string;
}

/** A whole clustering state, as a re-run of clustering over the stored articles leaves it. */
export interface ClusteringState {
  documents: number;
  df: Map<string, number>;
  stories: { story: StoryCentroid; indexTerms: string[] }[];
  /** Article id -> its story (every stored article that was re-run). */
  assignments: Map<number, number>;
  /** Stories left without articles, each recorded as merged into the story that took most of them. */
  merges: { from: number; into: number; articles: number }[];
  /** Why articles that change story moved (recorded with each move). */
  reason: string;
}

/** An article as stored: the fields the stages produced, and the story it belongs to. */
export interface StoredArticle {
  id: number;
  itemKey: string;
  contentHash: string;
  source: string;
  externalId?: string;
  url?: string;
  outlet?: string;
  title?: string;
  published?: string;
  language?: string;
  authors: string[];
  credits: string[];
  cited: string[];
  dateline?: string;
  text: string;
  signature: Uint32Array;
  story: number;
  ingestedAt: string;
  messages: string[];
}

export type NewArticle = Omit<StoredArticle, 'id' | 'story' | 'ingestedAt'> & {
  /** The page the article was extracted from, kept so extraction can be re-run (articles read from HTML only). */
  rawPage?: RawPage;
};

/** What the read stage knew of an HTML page: enough to read it again with newer code, without the input files. */
export interface RawPage {
  /** The page's HTML as decoded (the text the HTML reader parsed). */
  html: string;
  /** Where it was read from (file, line, record), for messages. */
  source: SourceRef;
  /** The reader's other fields, without the body: URL, outlet or feed fields, WARC/HTTP date candidates, provenance. */
  input: Omit<ArticleInput, 'html' | 'text'>;
  /** The decoder's notes about the bytes (charset declared, guessed or overridden), which the decoded HTML no longer shows. */
  notes: { rule: string; reason: string }[];
}

/** Which stored raw pages to read: a page of them after an article id, optionally filtered. */
export interface RawPageQuery {
  /** Only articles with a larger id (keyset paging). */
  after: number;
  limit: number;
  /** ISO 8601: only articles ingested at or after it. */
  ingestedSince?: string;
  /** Only articles of this story (as it is now; resolve merged ids first). */
  story?: number;
}

/** A stored raw page, or why its stored bytes cannot be read back (a damaged row is one item's problem). */
export type StoredRawPage =
  | { article: number; story: number; source: string; page: RawPage }
  | { article: number; story: number; source: string; problem: string };

/** How much the raw pages take: the HTML as decoded (UTF-8 bytes) and as stored. */
export interface RawPageStats {
  articles: number;
  pages: number;
  htmlBytes: number;
  storedBytes: number;
}

export interface StorySummary {
  id: number;
  title: string;
  articleCount: number;
  sourceCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface StoryQuery {
  limit: number;
  /** Words that must all occur in the story's title or its articles' titles. */
  query?: string;
}

/** Orders of a story listing. */
export type StoryOrder = 'newest' | 'largest' | 'independent';

/** A page of a filtered story listing (the web UI and the HTTP API). */
export interface StorySearch {
  limit: number;
  order: StoryOrder;
  /** Opaque position from a previous page's `next`. */
  cursor?: string;
  /** Words that must all occur in one article's title or text (the store's full-text index). */
  text?: string;
  /** ISO 8601 bounds: stories whose span reaches into [from, to]. */
  from?: string;
  to?: string;
  /** Stories with an article from this outlet, or in this language. */
  outlet?: string;
  language?: string;
  /** Stories with at least this many sources (outlets). */
  minSources?: number;
  /** Stories with at least this many independent sources (see StoryListing.independentSources). */
  minIndependent?: number;
}

/** A story in a listing: its summary and what its latest brief tells. */
export interface StoryListing extends StorySummary {
  /** Independent sources counted by the story's current cached brief; null while none is built. */
  independentSources: number | null;
}

export interface StoryPage {
  stories: StoryListing[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
}

/** An outlet with how many stored articles and stories it has. */
export interface OutletCount {
  outlet: string;
  articles: number;
  stories: number;
}

/** A cursor that does not come from this store's listings (or from a listing in another order). */
export class InvalidCursorError extends Error {}

/** What differs between engines, named, so callers branch on a capability and not on an engine. */
export interface StoreCapabilities {
  /** Several processes may ingest into the store at once. */
  concurrentWriters: boolean;
  /** `searchStories` takes `text` (a full-text index over article titles and texts). */
  fullTextSearch: boolean;
  engine: 'sqlite' | 'postgres';
}

export interface Store {
  readonly capabilities: StoreCapabilities;
  /** The story index clustering uses, backed by this store. */
  readonly storyIndex: StoryIndex;
  /** Run `work` in one transaction: all of it is committed, or none. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** The id of the article with this item key, if stored. */
  findByItemKey(itemKey: string): Promise<number | undefined>;
  /** Articles stored with this content hash (exact duplicates), oldest first. */
  findByContentHash(contentHash: string): Promise<number[]>;
  /** Ids of stored articles sharing an LSH band key with these keys (near-duplicate candidates). */
  findByBands(keys: number[], limit: number): Promise<number[]>;
  /**
   * Store an article in a story with its LSH band keys, and update the story's listing fields
   * (title, counts, time span) incrementally, so the cost does not grow with the story's size.
   * `titleIsFallback`: the title is a stand-in (first sentence), used for a story only when it has no other.
   * The story must exist: clustering creates it (StoryIndex.saveStory) before the article is inserted.
   */
  insertArticle(article: NewArticle, story: number, bands: number[], titleIsFallback: boolean): Promise<number>;
  listStories(query: StoryQuery): Promise<StorySummary[]>;
  getStory(id: number): Promise<StorySummary | undefined>;
  /** The story an id stands for now: itself, or, when it was merged, the story that took its articles (merges followed to the end). */
  resolveStory(id: number): Promise<number>;
  /** Every stored article, as clustering reads it, in storage (ingestion) order; read in pages, never all at once. */
  clusteringInputs(): AsyncIterable<ClusteringInput>;
  /** Replace the clustering state (index, centroids, article stories) with a re-run's, recording moves and merges; returns the articles moved. */
  replaceClustering(state: ClusteringState): Promise<number>;
  /**
   * A page of stories, filtered and ordered, with keyset cursors (a page costs the same however deep).
   * Throws InvalidCursorError for a cursor it did not make for this order.
   * Until a story's brief is built, its outlet count stands in for its independent sources in
   * `minIndependent` and the `independent` order (an upper bound: copies count once in a brief).
   */
  searchStories(search: StorySearch): Promise<StoryPage>;
  /** Every outlet with its article and story counts, most articles first. */
  listOutlets(): Promise<OutletCount[]>;
  /** The articles of a story, oldest first (by publish time, then ingestion). */
  storyArticles(id: number): Promise<StoredArticle[]>;
  getArticles(ids: number[]): Promise<StoredArticle[]>;
  /** Only the MinHash signatures of these articles, by id (near-duplicate checks need no text). */
  getSignatures(ids: number[]): Promise<{ id: number; signature: Uint32Array }[]>;
  /**
   * The story's version: a number that changes whenever the story does (an article inserted into
   * it, a merge, a move). Undefined when there is no such story.
   */
  storyVersion(id: number): Promise<number | undefined>;
  /**
   * The cached brief JSON of a story, only when it was built from the story's current version and
   * in this brief format (any change to the brief's code names a new format).
   */
  getCachedBrief(story: number, format: string): Promise<string | undefined>;
  /**
   * Cache a story's brief, replacing the one cached before, in one statement. `version` is the
   * story version read BEFORE the articles the brief was built from: an article inserted in
   * between then makes the entry stale at once (one rebuild too many), never a stale brief served.
   */
  putCachedBrief(story: number, format: string, json: string, version: number): Promise<void>;
  /** Stored raw pages in article id order (see RawPageQuery); read in pages, never all at once. */
  rawPages(query: RawPageQuery): Promise<StoredRawPage[]>;
  /**
   * Replace a stored article's extracted fields (text, title, dates, byline, outlet, URL, fingerprint and
   * band keys, messages) with a re-extraction's. Its source, external id, story and raw page stay. The
   * story's listing fields are recounted and its version bumped, so a cached brief goes stale; the
   * article's per-article analyses are dropped. Story assignment is not re-run (`recluster` does that).
   * When the new item key is another stored article's, the old key is kept and `itemKeyKept` is true.
   */
  updateExtraction(id: number, article: NewArticle, bands: number[]): Promise<{ itemKeyKept: boolean }>;
  /** How many articles have a raw page, and the bytes those take. */
  rawPageStats(): Promise<RawPageStats>;
  /** The stored per-article analyses (JSON) of these articles made by this analysis version, by article id. */
  getAnalyses(ids: number[], version: string): Promise<Map<number, string>>;
  /** Store per-article analyses (replacing older versions), in one transaction. */
  putAnalyses(rows: { article: number; version: string; json: string }[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open the store a `--db` value names: a postgres:// URL or a SQLite file path. Commands that only
 * read pass `create: false`, so a mistyped path is an error rather than a new empty store.
 */
export async function openStore(location: string, options: { create?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error(`--db ${location}: the PostgreSQL store is not built yet; use a SQLite file path`);
  }
  if (options.create === false && !existsSync(location)) {
    throw new Error(`${location}: no store there yet; run \`newsfuse ingest PATH --db ${location}\` first`);
  }
  const { SqliteStore } = await import('./sqlite/sqlite-store.js');
  try {
    return SqliteStore.open(location);
  } catch (error) {
    throw new Error(`${location}: cannot open the store (${(error as Error).message})`);
  }
}
