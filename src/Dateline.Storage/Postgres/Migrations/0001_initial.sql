-- 0001 (PostgreSQL): the schema that SQLite's migrations 0001–0013 arrive at, in one script. The columns mean what they
-- mean there (see Sqlite/Migrations). What differs:
--  * Texts that are compared, ordered or used as keys are COLLATE "C" (byte order, as SQLite's BINARY), so ids, dates
--    (yyyy-MM-dd text, as in SQLite) and CAMEO code prefixes order and page the same whatever the database's locale.
--  * Full text: articles.tsv (title weight A, body weight B) under the text search configuration `dateline`: Snowball
--    English stems without a stop-word list and accents removed, as SQLite's FTS5 'porter unicode61 remove_diacritics'
--    (which drops no stop words either); search_body is the indexed body text, for snippets (ts_headline).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY dateline_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION dateline (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION dateline
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, dateline_stem;

-- A tsquery with every lexeme limited to weight w ('A' title, 'B' body): how field searches (title:x) are written.
CREATE FUNCTION dateline_weight(q tsquery, w text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT regexp_replace(q::text, '(''(?:[^'']|'''')*'')', '\1:' || w, 'g')::tsquery $$;

CREATE TABLE articles (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               text COLLATE "C" NOT NULL UNIQUE,
    url              text,
    source           text,
    title            text,
    published        text,
    published_date   text COLLATE "C",
    published_source text,
    section          text,
    dateline         text,
    wire             text,
    language         text,
    origin_path      text NOT NULL,
    origin_offset    bigint,
    content_hash     text NOT NULL,
    json             text NOT NULL,
    ingested_at      text NOT NULL,
    updated_at       text NOT NULL,
    story_id         text COLLATE "C",
    search_body      text NOT NULL DEFAULT '',
    tsv              tsvector NOT NULL
);
CREATE INDEX ix_articles_published ON articles (published_date, id);
CREATE INDEX ix_articles_listing ON articles ((COALESCE(published_date, '')), id);
CREATE INDEX ix_articles_source ON articles (lower(source));
CREATE INDEX ix_articles_language ON articles (lower(language));
CREATE INDEX ix_articles_story ON articles (story_id);
CREATE INDEX ix_articles_tsv ON articles USING gin (tsv);

CREATE TABLE ingested_files (
    path        text PRIMARY KEY,
    size        bigint NOT NULL,
    modified    text NOT NULL,
    articles    bigint NOT NULL,
    ingested_at text NOT NULL
);

CREATE TABLE feed_state (
    feed_url      text PRIMARY KEY,
    etag          text,
    last_modified text,
    polled_at     text,
    seen_items    text NOT NULL DEFAULT '[]'
);

CREATE TABLE annotations (
    article_id  text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    pipeline    text NOT NULL,
    json        text NOT NULL,
    updated_at  text NOT NULL,
    fingerprint text
);

CREATE TABLE entities (
    id      text COLLATE "C" PRIMARY KEY,
    type    text NOT NULL,
    name    text COLLATE "C" NOT NULL,
    code    text,
    country text
);
CREATE INDEX ix_entities_name ON entities (lower(name));

CREATE TABLE entity_aliases (
    entity_id text COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     text COLLATE "C" NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX ix_entity_aliases_alias ON entity_aliases (lower(alias));

CREATE TABLE entity_roles (
    entity_id  text COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role       text COLLATE "C" NOT NULL,
    code       text,
    first_date text COLLATE "C",
    last_date  text COLLATE "C",
    articles   bigint NOT NULL,
    PRIMARY KEY (entity_id, role)
);

CREATE TABLE entity_articles (
    entity_id  text COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    article_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (entity_id, article_id)
);
CREATE INDEX ix_entity_articles_article ON entity_articles (article_id);

CREATE TABLE article_actors (
    article_id text COLLATE "C" NOT NULL,
    actor_id   text COLLATE "C" NOT NULL,
    entity_id  text COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX ix_article_actors_entity ON article_actors (entity_id, article_id);

CREATE TABLE actor_overrides (
    name       text COLLATE "C" PRIMARY KEY,
    aliases    text NOT NULL DEFAULT '[]',
    type       text NOT NULL,
    code       text,
    country    text,
    role       text,
    updated_at text NOT NULL
);

CREATE TABLE events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_key       text COLLATE "C" NOT NULL UNIQUE,
    story_key       text COLLATE "C",
    date            text COLLATE "C",
    source_code     text COLLATE "C" NOT NULL,
    source_country  text COLLATE "C" NOT NULL,
    source_text     text NOT NULL,
    target_code     text COLLATE "C" NOT NULL,
    target_country  text COLLATE "C" NOT NULL,
    target_text     text,
    cameo           text COLLATE "C" NOT NULL,
    root            text NOT NULL,
    plover          text NOT NULL,
    plover_type     text NOT NULL,
    mode            text,
    quad_class      integer NOT NULL,
    goldstein       double precision NOT NULL,
    negated         integer NOT NULL,
    modality        text NOT NULL,
    counts          integer NOT NULL,
    evidence        text NOT NULL,
    rule            text NOT NULL,
    confidence      double precision NOT NULL,
    first_article   text NOT NULL
);
CREATE INDEX ix_events_date ON events (date, id);
CREATE INDEX ix_events_dyad ON events (source_country, target_country, date);
CREATE INDEX ix_events_target ON events (target_country, date);
CREATE INDEX ix_events_cameo ON events (cameo);
CREATE INDEX ix_events_source_code ON events (source_code, date);
CREATE INDEX ix_events_target_code ON events (target_code, date);
CREATE INDEX ix_events_story_key ON events (story_key);

CREATE TABLE event_reports (
    event_id        bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id      text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    evidence_start  integer NOT NULL,
    evidence_end    integer NOT NULL,
    trigger_start   integer NOT NULL,
    trigger_end     integer NOT NULL,
    source_actor    text COLLATE "C",
    target_actor    text COLLATE "C",
    PRIMARY KEY (event_id, article_id, trigger_start)
);
CREATE INDEX ix_event_reports_article ON event_reports (article_id);

CREATE TABLE event_keys (
    key      text COLLATE "C" PRIMARY KEY,
    event_id bigint NOT NULL
);
CREATE INDEX ix_event_keys_event ON event_keys (event_id);

CREATE TABLE story_bands (
    band_key   bigint NOT NULL,
    seq        bigint NOT NULL,
    article_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (band_key, seq)
);
CREATE INDEX ix_story_bands_article ON story_bands (article_id);

CREATE TABLE story_df (
    term text COLLATE "C" PRIMARY KEY,
    df   bigint NOT NULL
);

CREATE TABLE story_terms (
    term       text COLLATE "C" NOT NULL,
    seq        bigint NOT NULL,
    article_id text COLLATE "C" NOT NULL,
    weight     double precision NOT NULL,
    PRIMARY KEY (term, seq)
);
CREATE INDEX ix_story_terms_article ON story_terms (article_id);

CREATE TABLE article_tags (
    article_id text COLLATE "C" NOT NULL,
    tag        text NOT NULL
);
CREATE UNIQUE INDEX ux_article_tags ON article_tags (article_id, lower(tag));
CREATE INDEX ix_article_tags_tag ON article_tags (lower(tag));
