-- 0004: actors across articles. One entity per (type, country, normalised name); its aliases; the roles it was seen
-- in with the first and last article dates (who was President of South Korea when); the articles that mention it.
CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    type    TEXT NOT NULL,
    name    TEXT NOT NULL,
    code    TEXT,
    country TEXT
);
CREATE INDEX ix_entities_name ON entities (name COLLATE NOCASE);

CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX ix_entity_aliases_alias ON entity_aliases (alias COLLATE NOCASE);

CREATE TABLE entity_roles (
    entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    code       TEXT,
    first_date TEXT,
    last_date  TEXT,
    articles   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, role)
);

CREATE TABLE entity_articles (
    entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    PRIMARY KEY (entity_id, article_id)
);
