-- 0015: one row per story with what the stories list shows (articles, distinct sources, first and last date, the
-- earliest article), kept up to date as articles are saved (Sqlite/SqliteStories), so the unfiltered list is read from
-- an index instead of grouping every article. first_key is the earliest article's COALESCE(published_date, '9999'):
-- undated articles come last, ties by id. Lists with a filter still group the articles they match.
CREATE TABLE story_summaries (
    story_id   TEXT    PRIMARY KEY,
    n          INTEGER NOT NULL,
    sources    INTEGER NOT NULL,
    first_date TEXT,
    last_date  TEXT,
    first_key  TEXT    NOT NULL,
    first_id   TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_story_summaries_rank ON story_summaries (n DESC, COALESCE(last_date, '') DESC, story_id);

-- A story's members by source: adding an article asks whether its source is new to the story.
DROP INDEX ix_articles_story;
CREATE INDEX ix_articles_story ON articles (story_id, source);

INSERT INTO story_summaries (story_id, n, sources, first_date, last_date, first_key, first_id)
    SELECT story, COUNT(*), COUNT(DISTINCT source), MIN(published_date), MAX(published_date),
           MAX(CASE WHEN r = 1 THEN k END), MAX(CASE WHEN r = 1 THEN id END)
    FROM (SELECT COALESCE(story_id, id) AS story, id, source, published_date, COALESCE(published_date, '9999') AS k,
                 ROW_NUMBER() OVER (PARTITION BY COALESCE(story_id, id) ORDER BY COALESCE(published_date, '9999'), id) AS r
          FROM articles)
    GROUP BY story;
