// Versioned schema of the SQLite store: migration N brings PRAGMA user_version from N-1 to N.

export const MIGRATIONS: string[] = [
  // 1: articles, stories, the clustering index and LSH bands.
  `
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    item_key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    external_id TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    credits TEXT NOT NULL DEFAULT '[]',
    cited TEXT NOT NULL DEFAULT '[]',
    dateline TEXT,
    text TEXT NOT NULL,
    signature BLOB NOT NULL,
    story_id INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    messages TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX articles_content_hash ON articles (content_hash);
  CREATE INDEX articles_story ON articles (story_id, published);
  CREATE INDEX articles_story_outlet ON articles (story_id, outlet, source);

  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    title_is_fallback INTEGER NOT NULL DEFAULT 1,
    article_count INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT,
    centroid TEXT NOT NULL DEFAULT '[]',
    size INTEGER NOT NULL DEFAULT 0,
    first_ms INTEGER,
    last_ms INTEGER,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX stories_listing ON stories (article_count DESC, last_seen DESC);

  CREATE TABLE story_terms (
    term TEXT NOT NULL,
    story_id INTEGER NOT NULL,
    PRIMARY KEY (term, story_id)
  ) WITHOUT ROWID;
  CREATE INDEX story_terms_story ON story_terms (story_id);

  CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO counters (name, value) VALUES ('documents', 0), ('next_story', 1);

  CREATE TABLE article_bands (
    band_key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)
  ) WITHOUT ROWID;
  `,
  // 2: story terms carry their story's latest time, so candidate lookup skips stories long past
  //    (their similarity would decay to nothing anyway) and the scan stays bounded as the store grows.
  `
  ALTER TABLE story_terms ADD COLUMN last_ms INTEGER NOT NULL DEFAULT 9007199254740991;
  UPDATE story_terms SET last_ms = coalesce((SELECT last_ms FROM stories WHERE stories.id = story_terms.story_id), 9007199254740991);
  CREATE INDEX story_terms_recent ON story_terms (term, last_ms);
  CREATE INDEX articles_story_source ON articles (story_id, source) WHERE outlet IS NULL;
  `,
  // 3: the brief cache. A story's version changes whenever the story does (an article added; merges
  //    and moves later), and a cached brief is valid only for the version and brief format it was
  //    built from, so a stale brief is never served and no trigger has to delete it. One row per
  //    story: a brief of a newer format replaces the old one instead of piling up beside it.
  `
  ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE brief_cache (
    story_id INTEGER PRIMARY KEY,
    story_version INTEGER NOT NULL,
    format TEXT NOT NULL,
    brief TEXT NOT NULL,
    built_at TEXT NOT NULL
  );
  `,
  // 4: what the brief reads off each article (entity mentions, quotes), kept per article and per
  //    analysis version: articles do not change once stored, so a story that grows by one article
  //    has its brief rebuilt at the cost of that article's analysis and the merging.
  `
  CREATE TABLE article_analysis (
    article_id INTEGER PRIMARY KEY,
    version TEXT NOT NULL,
    analysis TEXT NOT NULL
  );
  `,
  // 5: full-text search over article titles and texts (FTS5, external content: the text is not stored twice),
  //    kept in step by triggers; outlets listed and filtered through an index; and the independent-source
  //    count of a story's cached brief kept beside it, so listings can filter and sort by it without
  //    parsing briefs.
  `
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
  INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
  END;
  CREATE INDEX articles_outlet ON articles (outlet, story_id);
  ALTER TABLE brief_cache ADD COLUMN independent_sources INTEGER;
  UPDATE brief_cache SET independent_sources = json_extract(brief, '$.story.independentSources');
  `,
  // 6: story merges and article moves. When clustering finds two stories are one, the smaller one's
  //    articles move to the other and the merge is recorded, so a story id a user holds still resolves (to
  //    the story that took its articles); the merged story's row stays, empty, so its id is never reused.
  //    An article that changes story (a re-run of clustering) is recorded with its old and new story.
  `
  CREATE TABLE story_merges (
    from_id INTEGER PRIMARY KEY,
    into_id INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    merged_at TEXT NOT NULL
  );
  CREATE TABLE article_moves (
    article_id INTEGER NOT NULL,
    from_story INTEGER NOT NULL,
    to_story INTEGER NOT NULL,
    moved_at TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX article_moves_article ON article_moves (article_id);
  `,
  // 7: raw pages. An article read from HTML keeps the page it came from (Brotli-packed, `codec` names how)
  //    with what the reader knew besides it (source, input fields such as the URL and WARC/HTTP dates,
  //    decoder notes), so extraction can be re-run with newer code without the input files.
  //    `html_bytes` is the page's UTF-8 size before packing (the store's size report needs no unpacking).
  `
  CREATE TABLE raw_pages (
    article_id INTEGER PRIMARY KEY,
    codec TEXT NOT NULL,
    html BLOB NOT NULL,
    html_bytes INTEGER NOT NULL,
    source TEXT NOT NULL,
    input TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '[]'
  );
  `,
];
