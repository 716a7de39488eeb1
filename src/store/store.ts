// The store interface every engine implements (SQLite now, PostgreSQL later), with its record types.
import { existsSync } from 'node:fs';
import type { StoryIndex } from '../cluster/story-index.js';

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

export type NewArticle = Omit<StoredArticle, 'id' | 'story' | 'ingestedAt'>;

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

/** What differs between engines, named, so callers branch on a capability and not on an engine. */
export interface StoreCapabilities {
  /** Several processes may ingest into the store at once. */
  concurrentWriters: boolean;
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
  /** The articles of a story, oldest first (by publish time, then ingestion). */
  storyArticles(id: number): Promise<StoredArticle[]>;
  getArticles(ids: number[]): Promise<StoredArticle[]>;
  /** Only the MinHash signatures of these articles, by id (near-duplicate checks need no text). */
  getSignatures(ids: number[]): Promise<{ id: number; signature: Uint32Array }[]>;
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
