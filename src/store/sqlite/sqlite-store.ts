// The SQLite store (better-sqlite3, WAL): articles, stories and the clustering index in one file.
import Database from 'better-sqlite3';
import {
  InvalidCursorError,
  type ClusteringInput,
  type ClusteringState,
  type NewArticle,
  type OutletCount,
  type RawPage,
  type RawPageQuery,
  type RawPageStats,
  type StoredRawPage,
  type Store,
  type StoredArticle,
  type StoryCentroid,
  type StoryIndex,
  type StoryListing,
  type StoryOrder,
  type StoryPage,
  type StoryQuery,
  type StorySearch,
  type StorySummary,
} from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { packHtml, RAW_PAGE_CODEC, unpackHtml } from '../raw-page-codec.js';

/** MinHash signatures are stored as the bytes of their Uint32Array. */
const signatureToBuffer = (signature: Uint32Array): Buffer => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);

function signatureFromBuffer(buffer: Uint8Array): Uint32Array {
  const copy = new Uint8Array(buffer);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}

type Row = Record<string, unknown>;

const json = (value: unknown): string => JSON.stringify(value ?? []);
const parseList = (value: unknown): string[] => (typeof value === 'string' ? (JSON.parse(value) as string[]) : []);
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function toArticle(row: Row): StoredArticle {
  return {
    id: row.id as number,
    itemKey: row.item_key as string,
    contentHash: row.content_hash as string,
    source: row.source as string,
    externalId: orUndefined(row.external_id as string | null),
    url: orUndefined(row.url as string | null),
    outlet: orUndefined(row.outlet as string | null),
    title: orUndefined(row.title as string | null),
    published: orUndefined(row.published as string | null),
    language: orUndefined(row.language as string | null),
    authors: parseList(row.authors),
    credits: parseList(row.credits),
    cited: parseList(row.cited),
    dateline: orUndefined(row.dateline as string | null),
    text: row.text as string,
    signature: signatureFromBuffer(row.signature as Buffer),
    story: row.story_id as number,
    ingestedAt: row.ingested_at as string,
    messages: parseList(row.messages),
  };
}

const toSummary = (row: Row): StorySummary => ({
  id: row.id as number,
  title: row.title as string,
  articleCount: row.article_count as number,
  sourceCount: row.source_count as number,
  firstSeen: (row.first_seen as string | null) ?? null,
  lastSeen: (row.last_seen as string | null) ?? null,
});

/**
 * The sort key of each listing order, as SQL expressions over `s` (stories) and `c` (the current cached
 * brief), never NULL, ending with the story id so every key is unique and a keyset cursor is exact.
 */
const ORDER_KEYS: Record<StoryOrder, { sql: string[]; types: ('number' | 'string')[] }> = {
  newest: { sql: ["coalesce(s.last_seen, '')", 's.id'], types: ['string', 'number'] },
  largest: { sql: ['s.article_count', "coalesce(s.last_seen, '')", 's.id'], types: ['number', 'string', 'number'] },
  independent: { sql: ['coalesce(c.independent_sources, s.source_count)', 's.article_count', 's.id'], types: ['number', 'number', 'number'] },
};

/** A listing cursor: the order and the sort key of the page's last story, as base64url JSON. */
function encodeCursor(order: StoryOrder, key: unknown[]): string {
  return Buffer.from(JSON.stringify([order, ...key])).toString('base64url');
}

function decodeCursor(order: StoryOrder, cursor: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('expecting a cursor from a previous page, instead found one that does not decode');
  }
  const { types } = ORDER_KEYS[order];
  if (!Array.isArray(parsed) || parsed.length !== types.length + 1 || parsed[0] !== order) {
    throw new InvalidCursorError(`expecting a cursor of a listing in "${order}" order, instead found another`);
  }
  const key = parsed.slice(1);
  if (!key.every((value, i) => typeof value === types[i] && (typeof value !== 'number' || Number.isFinite(value)))) {
    throw new InvalidCursorError('expecting a cursor from a previous page, instead found a malformed one');
  }
  return key;
}

/**
 * An FTS5 MATCH expression from user text: its words, each quoted (so no FTS5 syntax gets through),
 * all required. Undefined when the text has no word.
 */
export function ftsExpression(text: string): string | undefined {
  const words = (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
  return words.length ? words.map((w) => `"${w}"`).join(' ') : undefined;
}

/** Bring the schema to the newest version, each migration in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the store's schema is version ${current}, newer than this newsfuse knows (${MIGRATIONS.length}); upgrade newsfuse`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

/**
 * A story's counts from its articles (after articles moved in or out). A source is an outlet; an article
 * without one counts as its own source file, as insertArticle counts.
 */
const RECOUNT_STORY = `UPDATE stories SET
  article_count = (SELECT COUNT(*) FROM articles WHERE story_id = stories.id),
  source_count = (SELECT COUNT(DISTINCT CASE WHEN outlet IS NULL THEN 'file:' || source ELSE 'outlet:' || outlet END) FROM articles WHERE story_id = stories.id),
  first_seen = (SELECT MIN(published) FROM articles WHERE story_id = stories.id),
  last_seen = (SELECT MAX(published) FROM articles WHERE story_id = stories.id),
  title = COALESCE(
    (SELECT a.title FROM articles a WHERE a.story_id = stories.id AND a.title = stories.title LIMIT 1),
    (SELECT a.title FROM articles a WHERE a.story_id = stories.id AND a.title IS NOT NULL ORDER BY a.published IS NULL, a.published, a.id LIMIT 1),
    stories.title),
  version = version + 1 WHERE id = ?`;

/** Timeless stories sort after every time, so a `last_ms >= since` range always includes them. */
const NO_TIME = Number.MAX_SAFE_INTEGER;
/** Term document frequencies kept in memory; the map is emptied when it reaches this size (about 100 bytes a term). */
const DF_CACHE = 1_000_000;
/** Terms per multi-row document-frequency upsert (two parameters each, well under SQLite's limit). */
const DF_ROWS = 200;
/** Parsed story centroids kept in memory (most recently used); about 7 KB each. */
const CENTROID_CACHE = 4096;

/** A story's row as saved: what the stories table holds besides its counts. */
type StoryState = Omit<StoryCentroid, 'id'>;
/** Centroid weights are stored to five decimals. */
const roundWeight = (weight: number): number => Math.round(weight * 1e5) / 1e5;

class SqliteStoryIndex implements StoryIndex {
  private readonly statements;
  /** Centroids by story id, in least- to most-recently used order. Valid while this process is the only writer. */
  private readonly cache = new Map<number, StoryCentroid>();
  /** The candidate query by number of terms (at most the clusterer's query terms), prepared once each. */
  private readonly candidateQueries = new Map<number, Database.Statement>();
  /**
   * Document frequencies: committed values read so far (bounded; dropped whole when full), and the
   * counts added in the open transaction, written at its commit in a few multi-row statements
   * instead of one upsert per term and article.
   */
  private readonly dfKnown = new Map<string, number>();
  /**
   * Whether dfKnown holds every committed term (read whole at first use, when the table is small enough):
   * a term it lacks then has no row, and is not looked up. Dropped with the map when it fills.
   */
  private dfComplete: boolean | undefined;
  private readonly dfPending = new Map<string, number>();
  private documentsKnown: number | undefined;
  private documentsPending = 0;
  /** Stories saved in the open transaction whose row is written at its commit: their state as last saved. */
  private readonly dirty = new Map<number, StoryState>();
  private readonly storyTermInserts = new Map<number, Database.Statement>();
  private readonly dfUpserts = new Map<number, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.statements = {
      addTerm: db.prepare('INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1'),
      df: db.prepare('SELECT df FROM term_df WHERE term = ?').pluck(),
      termCount: db.prepare('SELECT COUNT(*) FROM term_df').pluck(),
      allDf: db.prepare('SELECT term, df FROM term_df').raw(),
      counter: db.prepare('SELECT value FROM counters WHERE name = ?').pluck(),
      bump: db.prepare('UPDATE counters SET value = value + 1 WHERE name = ?'),
      addCounter: db.prepare('UPDATE counters SET value = value + ? WHERE name = ?'),
      story: db.prepare('SELECT id, centroid, size, first_ms, last_ms FROM stories WHERE id = ?'),
      upsertStory: db.prepare(`INSERT INTO stories (id, centroid, size, first_ms, last_ms, updated_at) VALUES (@id, @centroid, @size, @first, @last, @now)
        ON CONFLICT (id) DO UPDATE SET centroid = @centroid, size = @size, first_ms = @first, last_ms = @last, updated_at = @now`),
      dropTerms: db.prepare('DELETE FROM story_terms WHERE story_id = ?'),
      moveArticles: db.prepare('UPDATE articles SET story_id = ? WHERE story_id = ?'),
      recordMerge: db.prepare('INSERT OR REPLACE INTO story_merges (from_id, into_id, articles, merged_at) VALUES (?, ?, ?, ?)'),
      emptyStory: db.prepare(`UPDATE stories SET article_count = 0, source_count = 0, centroid = '[]', version = version + 1 WHERE id = ?`),
      // A source is an outlet; an article without one counts as its own source file (as insertArticle counts).
      recountStory: db.prepare(RECOUNT_STORY),
      addStoryTerm: db.prepare('INSERT OR IGNORE INTO story_terms (term, story_id, last_ms) VALUES (?, ?, ?)'),
    };
  }

  /** Forget cached centroids and pending counts (after a rollback, when the caches may hold uncommitted states). */
  clearCache(): void {
    this.cache.clear();
    this.dirty.clear();
    this.dfKnown.clear();
    this.dfComplete = undefined;
    this.dfPending.clear();
    this.documentsKnown = undefined;
    this.documentsPending = 0;
  }

  /** Write the document frequencies counted since the last flush (inside the caller's transaction). */
  flush(): void {
    for (const [id, state] of this.dirty) this.writeStory(id, state);
    this.dirty.clear();
    if (this.documentsPending === 0 && this.dfPending.size === 0) return;
    const entries = [...this.dfPending];
    for (let i = 0; i < entries.length; i += DF_ROWS) {
      const chunk = entries.slice(i, i + DF_ROWS);
      let statement = this.dfUpserts.get(chunk.length);
      if (!statement) {
        statement = this.db.prepare(`INSERT INTO term_df (term, df) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT (term) DO UPDATE SET df = df + excluded.df`);
        this.dfUpserts.set(chunk.length, statement);
      }
      statement.run(...chunk.flat());
    }
    for (const [term, added] of entries) {
      const known = this.dfKnown.get(term);
      if (known !== undefined) this.dfKnown.set(term, known + added);
      else if (this.dfComplete) this.dfKnown.set(term, added);
    }
    if (this.dfKnown.size >= DF_CACHE) this.dropDf();
    if (this.documentsPending > 0) this.statements.addCounter.run(this.documentsPending, 'documents');
    if (this.documentsKnown !== undefined) this.documentsKnown += this.documentsPending;
    this.dfPending.clear();
    this.documentsPending = 0;
  }

  private remember(story: StoryCentroid): void {
    this.cache.delete(story.id);
    this.cache.set(story.id, story);
    if (this.cache.size > CENTROID_CACHE) this.cache.delete(this.cache.keys().next().value!);
  }

  private load(id: number): StoryCentroid {
    const cached = this.cache.get(id);
    if (cached) {
      this.remember(cached);
      return cached;
    }
    const pending = this.dirty.get(id);
    if (pending) {
      // Left the cache before its row was written: what the row will hold (weights rounded as stored).
      const story: StoryCentroid = { id, ...pending, vector: new Map([...pending.vector].map(([t, w]) => [t, roundWeight(w)])) };
      this.remember(story);
      return story;
    }
    const row = this.statements.story.get(id) as Row;
    const story: StoryCentroid = {
      id: row.id as number,
      vector: new Map(JSON.parse(row.centroid as string) as [string, number][]),
      size: row.size as number,
      firstSeen: orUndefined(row.first_ms as number | null),
      lastSeen: orUndefined(row.last_ms as number | null),
    };
    this.remember(story);
    return story;
  }

  async addDocument(terms: Iterable<string>): Promise<void> {
    for (const term of new Set(terms)) this.dfPending.set(term, (this.dfPending.get(term) ?? 0) + 1);
    this.documentsPending++;
    // Outside a transaction nothing would commit the counts later: write them now.
    if (!this.db.inTransaction) this.flush();
  }

  private dropDf(): void {
    this.dfKnown.clear();
    this.dfComplete = false;
  }

  /** Read the whole document-frequency table into dfKnown when it is well under the cache bound (once). */
  private loadDf(): void {
    this.dfComplete = false;
    const rows = this.statements.termCount.get() as number;
    if (rows > DF_CACHE / 2) return;
    this.dfKnown.clear();
    for (const [term, df] of this.statements.allDf.iterate() as Iterable<[string, number]>) this.dfKnown.set(term, df);
    this.dfComplete = true;
  }

  async frequencies(terms: string[]): Promise<{ documents: number; df: Map<string, number> }> {
    if (this.dfComplete === undefined) this.loadDf();
    const df = new Map<string, number>();
    for (const term of terms) {
      let known = this.dfKnown.get(term);
      if (known === undefined) {
        known = this.dfComplete ? 0 : ((this.statements.df.get(term) as number | undefined) ?? 0);
        if (!this.dfComplete) {
          if (this.dfKnown.size >= DF_CACHE) this.dropDf();
          this.dfKnown.set(term, known);
        }
      }
      df.set(term, known + (this.dfPending.get(term) ?? 0));
    }
    this.documentsKnown ??= this.statements.counter.get('documents') as number;
    return { documents: this.documentsKnown + this.documentsPending, df };
  }

  async candidates(terms: string[], limit: number, since?: number): Promise<StoryCentroid[]> {
    if (terms.length === 0) return [];
    let query = this.candidateQueries.get(terms.length);
    if (!query) {
      query = this.db.prepare(
        `SELECT story_id, COUNT(*) AS shared FROM story_terms WHERE term IN (${terms.map(() => '?').join(',')}) AND last_ms >= ?
         GROUP BY story_id ORDER BY shared DESC, story_id DESC LIMIT ?`,
      );
      this.candidateQueries.set(terms.length, query);
    }
    const rows = query.all(...terms, since ?? -NO_TIME, limit) as Row[];
    return rows.map((row) => this.load(row.story_id as number));
  }

  async saveStory(story: StoryCentroid, indexTerms: string[]): Promise<void> {
    // The Clusterer replaces a story's vector and never changes it in place, so this is a snapshot.
    const state: StoryState = { vector: story.vector, size: story.size, firstSeen: story.firstSeen, lastSeen: story.lastSeen };
    // A story this index holds has its row (read from it, or written at its first save): its centroid can wait
    // for the commit, written once however often the story grew in the batch. A new story's row is written now
    // (the article insert counts into it).
    if (this.cache.has(story.id) || this.dirty.has(story.id)) this.dirty.set(story.id, state);
    else this.writeStory(story.id, state);
    this.indexStory(story.id, [...new Set(indexTerms)], story.lastSeen ?? NO_TIME);
    this.remember(story);
    if (!this.db.inTransaction) this.flush();
  }

  private writeStory(id: number, state: StoryState): void {
    this.statements.upsertStory.run({
      id,
      centroid: JSON.stringify([...state.vector].map(([t, w]) => [t, roundWeight(w)])),
      size: state.size,
      first: state.firstSeen ?? null,
      last: state.lastSeen ?? null,
      now: new Date().toISOString(),
    });
  }

  /** Replace a story's rows in story_terms (changing only what changed measured no faster: the rows' last_ms moves with most joins). */
  private indexStory(id: number, terms: string[], last: number): void {
    this.statements.dropTerms.run(id);
    if (terms.length === 0) return;
    let statement = this.storyTermInserts.get(terms.length);
    if (!statement) {
      statement = this.db.prepare(`INSERT OR IGNORE INTO story_terms (term, story_id, last_ms) VALUES ${terms.map(() => '(?, ?, ?)').join(', ')}`);
      this.storyTermInserts.set(terms.length, statement);
    }
    statement.run(...terms.flatMap((term) => [term, id, last]));
  }

  async mergeStory(from: number, into: number): Promise<void> {
    this.statements.dropTerms.run(from);
    this.cache.delete(from);
    // The merged story's row keeps its last state (size, times) beside the emptied centroid, as when every save was written.
    const pending = this.dirty.get(from);
    if (pending) this.writeStory(from, pending);
    this.dirty.delete(from);
    const moved = this.statements.moveArticles.run(into, from).changes;
    this.recordMerge(from, into, moved, new Date().toISOString());
    this.statements.emptyStory.run(from);
    this.recount(into);
  }

  /** Record that story `from` (which held `articles` articles) was merged into `into`. */
  recordMerge(from: number, into: number, articles: number, at: string): void {
    this.statements.recordMerge.run(from, into, articles, at);
  }

  /** A story's counts, dates and title from its articles (after articles moved in or out). */
  recount(story: number): void {
    this.statements.recountStory.run(story);
  }

  async newStoryId(): Promise<number> {
    const id = this.statements.counter.get('next_story') as number;
    this.statements.bump.run('next_story');
    return id;
  }
}

/** The columns of an article that extraction decides (what `insertArticle` writes and `updateExtraction` rewrites). */
function extractedColumns(article: NewArticle): Record<string, string | number | Buffer | null> {
  return {
    contentHash: article.contentHash,
    url: article.url ?? null,
    outlet: article.outlet ?? null,
    title: article.title ?? null,
    published: article.published ?? null,
    language: article.language ?? null,
    authors: json(article.authors),
    credits: json(article.credits),
    cited: json(article.cited),
    dateline: article.dateline ?? null,
    text: article.text,
    signature: signatureToBuffer(article.signature),
    messages: json(article.messages),
  };
}

export class SqliteStore implements Store {
  readonly capabilities = { concurrentWriters: false, fullTextSearch: true, engine: 'sqlite' as const };
  readonly storyIndex: SqliteStoryIndex;
  private depth = 0;
  private readonly statements;
  /** Multi-row statements by row count, prepared once each. */
  private readonly bandInserts = new Map<number, Database.Statement>();
  private readonly signatureQueries = new Map<number, Database.Statement>();

  private constructor(private readonly db: Database.Database) {
    this.storyIndex = new SqliteStoryIndex(db);
    this.statements = {
      byItemKey: db.prepare('SELECT id FROM articles WHERE item_key = ?').pluck(),
      byHash: db.prepare('SELECT id FROM articles WHERE content_hash = ? ORDER BY id').pluck(),
      byBand: db.prepare('SELECT article_id FROM article_bands WHERE band_key = ? LIMIT ?').pluck(),
      insert: db.prepare(`INSERT INTO articles (item_key, content_hash, source, external_id, url, outlet, title, published, language,
        authors, credits, cited, dateline, text, signature, story_id, ingested_at, messages)
        VALUES (@itemKey, @contentHash, @source, @externalId, @url, @outlet, @title, @published, @language,
        @authors, @credits, @cited, @dateline, @text, @signature, @story, @ingestedAt, @messages)`),
      band: db.prepare('INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)'),
      sameOutlet: db.prepare('SELECT 1 FROM articles WHERE story_id = ? AND outlet = ? AND id <> ? LIMIT 1').pluck(),
      sameSourceFile: db.prepare('SELECT 1 FROM articles WHERE story_id = ? AND outlet IS NULL AND source = ? AND id <> ? LIMIT 1').pluck(),
      storyRow: db.prepare('SELECT * FROM stories WHERE id = ?'),
      updateStory: db.prepare(`UPDATE stories SET article_count = article_count + 1, source_count = source_count + @newSource,
        first_seen = CASE WHEN @published IS NULL THEN first_seen WHEN first_seen IS NULL OR @published < first_seen THEN @published ELSE first_seen END,
        last_seen = CASE WHEN @published IS NULL THEN last_seen WHEN last_seen IS NULL OR @published > last_seen THEN @published ELSE last_seen END,
        title = CASE WHEN title = '' OR (title_is_fallback = 1 AND @fallback = 0) THEN @title ELSE title END,
        title_is_fallback = CASE WHEN title = '' OR (title_is_fallback = 1 AND @fallback = 0) THEN @fallback ELSE title_is_fallback END,
        version = version + 1, updated_at = @now WHERE id = @story`),
      storyArticles: db.prepare(`SELECT * FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, id`),
      storyVersion: db.prepare('SELECT version FROM stories WHERE id = ?').pluck(),
      mergedInto: db.prepare('SELECT into_id FROM story_merges WHERE from_id = ?').pluck(),
      cachedBrief: db.prepare(`SELECT c.brief FROM brief_cache c JOIN stories s ON s.id = c.story_id
        WHERE c.story_id = ? AND c.format = ? AND c.story_version = s.version`).pluck(),
      putBrief: db.prepare(`INSERT INTO brief_cache (story_id, story_version, format, brief, built_at, independent_sources)
        VALUES (@story, @version, @format, @brief, @now, json_extract(@brief, '$.story.independentSources'))
        ON CONFLICT (story_id) DO UPDATE SET story_version = @version, format = @format, brief = @brief, built_at = @now,
        independent_sources = json_extract(@brief, '$.story.independentSources')`),
      outlets: db.prepare(`SELECT outlet, COUNT(*) AS articles, COUNT(DISTINCT story_id) AS stories FROM articles
        WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet`),
      putRawPage: db.prepare(`INSERT INTO raw_pages (article_id, codec, html, html_bytes, source, input, notes)
        VALUES (@article, @codec, @html, @htmlBytes, @source, @input, @notes)`),
      rawPageStats: db.prepare(`SELECT (SELECT COUNT(*) FROM articles) AS articles, COUNT(*) AS pages,
        coalesce(SUM(html_bytes), 0) AS html_bytes, coalesce(SUM(length(html)), 0) AS stored_bytes FROM raw_pages`),
      itemKeyOwner: db.prepare('SELECT id FROM articles WHERE item_key = ? AND id <> ?').pluck(),
      storyOf: db.prepare('SELECT story_id FROM articles WHERE id = ?').pluck(),
      updateExtraction: db.prepare(`UPDATE articles SET item_key = CASE WHEN @keepItemKey = 1 THEN item_key ELSE @itemKey END, content_hash = @contentHash, url = @url, outlet = @outlet,
        title = @title, published = @published, language = @language, authors = @authors, credits = @credits, cited = @cited,
        dateline = @dateline, text = @text, signature = @signature, messages = @messages WHERE id = @id`),
      dropBands: db.prepare('DELETE FROM article_bands WHERE article_id = ?'),
      dropAnalysis: db.prepare('DELETE FROM article_analysis WHERE article_id = ?'),
      putAnalysis: db.prepare(`INSERT INTO article_analysis (article_id, version, analysis) VALUES (@article, @version, @json)
        ON CONFLICT (article_id) DO UPDATE SET version = @version, analysis = @json`),
    };
  }

  /** Open (creating if needed) a store file, in WAL mode, at the newest schema. */
  static open(file: string): SqliteStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // 64 MiB of page cache: the LSH band and term indexes take random inserts, which otherwise
    // miss the default 2 MiB cache more often as the store grows.
    db.pragma('cache_size = -65536');
    migrate(db);
    return new SqliteStore(db);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return work();
    this.db.exec('BEGIN IMMEDIATE');
    this.depth++;
    try {
      const result = await work();
      this.storyIndex.flush();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.storyIndex.clearCache();
      throw error;
    } finally {
      this.depth--;
    }
  }

  async findByItemKey(itemKey: string): Promise<number | undefined> {
    return this.statements.byItemKey.get(itemKey) as number | undefined;
  }

  async findByContentHash(contentHash: string): Promise<number[]> {
    return this.statements.byHash.all(contentHash) as number[];
  }

  async findByBands(keys: number[], limit: number): Promise<number[]> {
    const found = new Set<number>();
    for (const key of keys) for (const id of this.statements.byBand.all(key, limit) as number[]) found.add(id);
    return [...found];
  }

  async insertArticle(article: NewArticle, story: number, bands: number[], titleIsFallback: boolean): Promise<number> {
    const ingestedAt = new Date().toISOString();
    const info = this.statements.insert.run({
      itemKey: article.itemKey,
      source: article.source,
      externalId: article.externalId ?? null,
      ...extractedColumns(article),
      story,
      ingestedAt,
    });
    const id = Number(info.lastInsertRowid);
    this.insertBands(id, bands);
    if (article.rawPage) this.putRawPage(id, article.rawPage);
    // A source is an outlet; an article without one counts as its own source (its file, or file and line).
    const seen = article.outlet
      ? this.statements.sameOutlet.get(story, article.outlet, id)
      : this.statements.sameSourceFile.get(story, article.source, id);
    const newSource = seen ? 0 : 1;
    this.statements.updateStory.run({
      story,
      newSource,
      published: article.published ?? null,
      title: article.title ?? '',
      fallback: titleIsFallback || !article.title ? 1 : 0,
      now: ingestedAt,
    });
    return id;
  }

  private insertBands(id: number, bands: number[]): void {
    const unique = [...new Set(bands)];
    if (unique.length === 0) return;
    let statement = this.bandInserts.get(unique.length);
    if (!statement) {
      statement = this.db.prepare(`INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES ${unique.map(() => '(?, ?)').join(', ')}`);
      this.bandInserts.set(unique.length, statement);
    }
    statement.run(...unique.flatMap((key) => [key, id]));
  }

  private putRawPage(id: number, page: RawPage): void {
    this.statements.putRawPage.run({
      article: id,
      codec: RAW_PAGE_CODEC,
      html: packHtml(page.html),
      htmlBytes: Buffer.byteLength(page.html, 'utf8'),
      source: JSON.stringify(page.source),
      input: JSON.stringify(page.input),
      notes: JSON.stringify(page.notes),
    });
  }

  async rawPages(query: RawPageQuery): Promise<StoredRawPage[]> {
    const where = ['r.article_id > ?'];
    const params: unknown[] = [query.after];
    if (query.ingestedSince !== undefined) {
      where.push('a.ingested_at >= ?');
      params.push(query.ingestedSince);
    }
    if (query.story !== undefined) {
      where.push('a.story_id = ?');
      params.push(query.story);
    }
    const rows = this.db
      .prepare(`SELECT r.*, a.story_id, a.source AS article_source FROM raw_pages r JOIN articles a ON a.id = r.article_id
        WHERE ${where.join(' AND ')} ORDER BY r.article_id LIMIT ?`)
      .all(...params, query.limit) as Row[];
    return rows.map((row) => {
      const head = { article: row.article_id as number, story: row.story_id as number, source: row.article_source as string };
      try {
        const page: RawPage = {
          html: unpackHtml(row.codec as string, row.html as Buffer),
          source: JSON.parse(row.source as string) as RawPage['source'],
          input: JSON.parse(row.input as string) as RawPage['input'],
          notes: JSON.parse(row.notes as string) as RawPage['notes'],
        };
        return { ...head, page };
      } catch (error) {
        return { ...head, problem: (error as Error).message };
      }
    });
  }

  async updateExtraction(id: number, article: NewArticle, bands: number[]): Promise<{ itemKeyKept: boolean }> {
    return this.transaction(async () => {
      const story = this.statements.storyOf.get(id) as number | undefined;
      if (story === undefined) throw new Error(`expecting a stored article #${id}, instead found none`);
      const owner = this.statements.itemKeyOwner.get(article.itemKey, id) as number | undefined;
      const itemKeyKept = owner !== undefined;
      this.statements.updateExtraction.run({
        id,
        itemKey: article.itemKey,
        keepItemKey: itemKeyKept ? 1 : 0,
        ...extractedColumns(article),
      });
      this.statements.dropBands.run(id);
      this.insertBands(id, bands);
      this.statements.dropAnalysis.run(id);
      this.storyIndex.recount(story);
      return { itemKeyKept };
    });
  }

  async rawPageStats(): Promise<RawPageStats> {
    const row = this.statements.rawPageStats.get() as Row;
    return { articles: row.articles as number, pages: row.pages as number, htmlBytes: row.html_bytes as number, storedBytes: row.stored_bytes as number };
  }

  async listStories(query: StoryQuery): Promise<StorySummary[]> {
    const words = (query.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const where = words.map(() => `(instr(lower(s.title), ?) > 0 OR EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND instr(lower(coalesce(a.title, '')), ?) > 0))`);
    const sql = `SELECT s.* FROM stories s WHERE s.article_count > 0 ${where.length ? `AND ${where.join(' AND ')}` : ''}
      ORDER BY s.article_count DESC, s.last_seen DESC, s.id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...words.flatMap((w) => [w, w]), query.limit) as Row[];
    return rows.map(toSummary);
  }

  async searchStories(search: StorySearch): Promise<StoryPage> {
    const where = ['s.article_count > 0'];
    const params: unknown[] = [];
    if (search.from !== undefined) {
      where.push('s.last_seen >= ?');
      params.push(search.from);
    }
    if (search.to !== undefined) {
      where.push('s.first_seen <= ?');
      params.push(search.to);
    }
    if (search.outlet !== undefined) {
      where.push('s.id IN (SELECT story_id FROM articles WHERE outlet = ?)');
      params.push(search.outlet);
    }
    if (search.language !== undefined) {
      where.push('EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.language = ?)');
      params.push(search.language);
    }
    if (search.minSources !== undefined) {
      where.push('s.source_count >= ?');
      params.push(search.minSources);
    }
    if (search.minIndependent !== undefined) {
      where.push('coalesce(c.independent_sources, s.source_count) >= ?');
      params.push(search.minIndependent);
    }
    const match = search.text === undefined ? undefined : ftsExpression(search.text);
    if (match !== undefined) {
      where.push('s.id IN (SELECT a.story_id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?)');
      params.push(match);
    }
    const keys = ORDER_KEYS[search.order].sql;
    if (search.cursor !== undefined) {
      const after = decodeCursor(search.order, search.cursor);
      where.push(`(${keys.join(', ')}) < (${keys.map(() => '?').join(', ')})`);
      params.push(...after);
    }
    const sql = `SELECT s.*, c.independent_sources AS independent, ${keys.map((k, i) => `${k} AS key${i}`).join(', ')}
      FROM stories s LEFT JOIN brief_cache c ON c.story_id = s.id AND c.story_version = s.version
      WHERE ${where.join(' AND ')} ORDER BY ${keys.map((k) => `${k} DESC`).join(', ')} LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, search.limit + 1) as Row[];
    const page = rows.slice(0, search.limit);
    const last = page[page.length - 1];
    const stories: StoryListing[] = page.map((row) => ({ ...toSummary(row), independentSources: (row.independent as number | null) ?? null }));
    return { stories, next: rows.length > search.limit && last ? encodeCursor(search.order, keys.map((_, i) => last[`key${i}`])) : null };
  }

  async listOutlets(): Promise<OutletCount[]> {
    return (this.statements.outlets.all() as Row[]).map((row) => ({ outlet: row.outlet as string, articles: row.articles as number, stories: row.stories as number }));
  }

  async getStory(id: number): Promise<StorySummary | undefined> {
    const row = this.statements.storyRow.get(id) as Row | undefined;
    return row && (row.article_count as number) > 0 ? toSummary(row) : undefined;
  }

  async storyArticles(id: number): Promise<StoredArticle[]> {
    return (this.statements.storyArticles.all(id) as Row[]).map(toArticle);
  }

  async getArticles(ids: number[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT * FROM articles WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as Row[];
    return rows.map(toArticle);
  }

  async getSignatures(ids: number[]): Promise<{ id: number; signature: Uint32Array }[]> {
    if (ids.length === 0) return [];
    let query = this.signatureQueries.get(ids.length);
    if (!query) {
      query = this.db.prepare(`SELECT id, signature FROM articles WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`);
      if (ids.length <= 64) this.signatureQueries.set(ids.length, query);
    }
    const rows = query.all(...ids) as Row[];
    return rows.map((row) => ({ id: row.id as number, signature: signatureFromBuffer(row.signature as Buffer) }));
  }

  async *clusteringInputs(): AsyncIterable<ClusteringInput> {
    const page = this.db.prepare('SELECT id, story_id, title, text, url, published, dateline FROM articles WHERE id > ? ORDER BY id LIMIT 1000');
    for (let after = 0; ; ) {
      const rows = page.all(after) as Row[];
      if (rows.length === 0) return;
      for (const row of rows) {
        yield {
          id: row.id as number,
          story: row.story_id as number,
          text: row.text as string,
          ...(row.title !== null ? { title: row.title as string } : {}),
          ...(row.url !== null ? { url: row.url as string } : {}),
          ...(row.published !== null ? { published: row.published as string } : {}),
          ...(row.dateline !== null ? { dateline: row.dateline as string } : {}),
        };
      }
      after = rows[rows.length - 1]!.id as number;
    }
  }

  async replaceClustering(state: ClusteringState): Promise<number> {
    return this.transaction(async () => {
      const now = new Date().toISOString();
      const db = this.db;
      db.exec('DELETE FROM term_df; DELETE FROM story_terms;');
      const addDf = db.prepare('INSERT INTO term_df (term, df) VALUES (?, ?)');
      for (const [term, df] of state.df) addDf.run(term, df);
      db.prepare(`UPDATE counters SET value = ? WHERE name = 'documents'`).run(state.documents);
      const touched = new Set<number>();
      const current = db.prepare('SELECT story_id FROM articles WHERE id = ?').pluck();
      const move = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
      const recordMove = db.prepare('INSERT INTO article_moves (article_id, from_story, to_story, moved_at, reason) VALUES (?, ?, ?, ?, ?)');
      let moved = 0;
      for (const [article, story] of state.assignments) {
        const from = current.get(article) as number | undefined;
        if (from === undefined || from === story) continue;
        move.run(story, article);
        recordMove.run(article, from, story, now, state.reason);
        touched.add(from).add(story);
        moved++;
      }
      // Stories the re-run made get rows (saveStory creates them); the others lose their centroid.
      db.exec(`UPDATE stories SET centroid = '[]'`);
      this.storyIndex.clearCache();
      for (const { story, indexTerms } of state.stories) {
        await this.storyIndex.saveStory(story, indexTerms);
        touched.add(story.id);
      }
      for (const merge of state.merges) this.storyIndex.recordMerge(merge.from, merge.into, merge.articles, now);
      const top = Math.max(0, ...state.stories.map((s) => s.story.id));
      db.prepare(`UPDATE counters SET value = MAX(value, ?) WHERE name = 'next_story'`).run(top + 1);
      for (const story of touched) this.storyIndex.recount(story);
      return moved;
    });
  }

  async resolveStory(id: number): Promise<number> {
    let current = id;
    // Merges only ever point at a story that existed before them, but a bound keeps a damaged table from looping.
    for (let step = 0; step < 1000; step++) {
      const next = this.statements.mergedInto.get(current) as number | undefined;
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  async storyVersion(id: number): Promise<number | undefined> {
    return this.statements.storyVersion.get(id) as number | undefined;
  }

  async getCachedBrief(story: number, format: string): Promise<string | undefined> {
    return this.statements.cachedBrief.get(story, format) as string | undefined;
  }

  async putCachedBrief(story: number, format: string, json: string, version: number): Promise<void> {
    this.statements.putBrief.run({ story, version, format, brief: json, now: new Date().toISOString() });
  }

  async getAnalyses(ids: number[], version: string): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    // Bounded statements: SQLite limits the number of parameters of one statement.
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT article_id, analysis FROM article_analysis WHERE version = ? AND article_id IN (${slice.map(() => '?').join(',')})`)
        .all(version, ...slice) as { article_id: number; analysis: string }[];
      for (const row of rows) found.set(row.article_id, row.analysis);
    }
    return found;
  }

  async putAnalyses(rows: { article: number; version: string; json: string }[]): Promise<void> {
    const write = this.db.transaction((list: typeof rows) => {
      for (const row of list) this.statements.putAnalysis.run(row);
    });
    write(rows);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
