-- 0003: the understanding layers of each article (sentences, entities, actors, times, quotes) as the JSON that
-- `annotate` prints, with the pipeline that made them, so `show` can return them and later stages can query them.
CREATE TABLE annotations (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    pipeline   TEXT NOT NULL,
    json       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
