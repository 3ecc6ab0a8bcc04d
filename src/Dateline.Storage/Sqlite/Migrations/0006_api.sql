-- 0006 (0005 is reserved for events): what the JSON API and web UI read.
-- article_actors: which cross-article entity each actor of an article's annotations ("a1") was recorded under, so
-- mentions and quote speakers link to actor pages. Filled by ingest; rows for articles ingested before are derived here
-- from the stored annotations (same key as EntityObservation.EntityId; a country-less actor joins the entity of its name).
CREATE TABLE article_actors (
    article_id TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX ix_article_actors_entity ON article_actors (entity_id, article_id);

INSERT OR IGNORE INTO article_actors (article_id, actor_id, entity_id)
SELECT article_id, actor_id, entity_id FROM (
    SELECT n.article_id AS article_id, json_extract(a.value, '$.id') AS actor_id,
        COALESCE(
            (SELECT e.id FROM entities e
             WHERE e.id = json_extract(a.value, '$.type') || ':' || COALESCE(json_extract(a.value, '$.country'), '-') || ':'
                 || lower(trim(json_extract(a.value, '$.name')))),
            (SELECT e.id FROM entities e JOIN entity_articles ea ON ea.entity_id = e.id AND ea.article_id = n.article_id
             WHERE e.type = json_extract(a.value, '$.type') AND lower(e.name) = lower(trim(json_extract(a.value, '$.name')))
             LIMIT 1)) AS entity_id
    FROM annotations n, json_each(n.json, '$.actors') a)
WHERE actor_id IS NOT NULL AND entity_id IS NOT NULL;

-- Listing newest first with a (date, id) cursor; undated articles sort as ''.
CREATE INDEX ix_articles_listing ON articles (COALESCE(published_date, ''), id);
CREATE INDEX ix_articles_language ON articles (language COLLATE NOCASE);

-- Actor overrides sent through the API (the rows of an actors file), applied to every later API ingest.
CREATE TABLE actor_overrides (
    name       TEXT PRIMARY KEY,
    aliases    TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    type       TEXT NOT NULL,
    code       TEXT,
    country    TEXT,
    role       TEXT,
    updated_at TEXT NOT NULL
);
