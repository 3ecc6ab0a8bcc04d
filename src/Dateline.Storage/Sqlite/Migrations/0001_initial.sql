-- 0001: articles, their full-text index, and the ingest ledger.
CREATE TABLE articles (
    seq              INTEGER PRIMARY KEY,          -- rowid; also the FTS rowid
    id               TEXT    NOT NULL UNIQUE,      -- Article.id (stable hash)
    url              TEXT,
    source           TEXT,
    title            TEXT,
    published        TEXT,                         -- ISO 8601 as given (date or date-time with offset)
    published_date   TEXT,                         -- yyyy-MM-dd, for filters and ordering
    published_source TEXT,
    section          TEXT,
    dateline         TEXT,
    wire             TEXT,
    language         TEXT,
    origin_path      TEXT    NOT NULL,
    origin_offset    INTEGER,
    content_hash     TEXT    NOT NULL,             -- changes when the article's content changes
    json             TEXT    NOT NULL,             -- the full article in its public JSON form
    ingested_at      TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX ix_articles_published ON articles (published_date, id);
CREATE INDEX ix_articles_source ON articles (source COLLATE NOCASE);

-- Title and body, CJK characters segmented (see CjkSegmenter); rowid = articles.seq.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TABLE ingested_files (
    path        TEXT    PRIMARY KEY,
    size        INTEGER NOT NULL,
    modified    TEXT    NOT NULL,
    articles    INTEGER NOT NULL,
    ingested_at TEXT    NOT NULL
);
