-- 0016: the stored article JSON (7-8 KB on average, far larger than the rest of the row) moves to a table of its own.
-- In the articles row it sat before columns added later (story_id), so reading a story id, a date or a source walked
-- the JSON's overflow pages; lists, story linking and filters read the row without it now, and the rows are small
-- enough that a page holds many. article_json.seq is articles.seq.
CREATE TABLE article_json (
    seq  INTEGER PRIMARY KEY,
    json TEXT    NOT NULL
);
INSERT INTO article_json (seq, json) SELECT seq, json FROM articles;
ALTER TABLE articles DROP COLUMN json;
