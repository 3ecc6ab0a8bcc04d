-- 0010: stories. Wire copies, reprints and updates of one story share a story id (the id of the first article of the
-- story that was stored); story_bands holds each article's LSH band keys (Stories/StoryShingles), by which a new article
-- finds its candidates. Articles stored before have no story until `reanalyze` (or saving them again) assigns one.
-- events.story_key: date, source, target, code and story id, so one event reported in several versions of a story (with
-- the evidence sentence edited) is one event with several reports.
ALTER TABLE articles ADD COLUMN story_id TEXT;
CREATE INDEX ix_articles_story ON articles (story_id);

-- seq is the article's articles.seq: a band key's most recently stored articles are read first, and only a few of them,
-- so a key that thousands of articles share (templated briefs) costs no more than a rare one.
CREATE TABLE story_bands (
    band_key   INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    article_id TEXT    NOT NULL,
    PRIMARY KEY (band_key, seq)
) WITHOUT ROWID;
CREATE INDEX ix_story_bands_article ON story_bands (article_id);

ALTER TABLE events ADD COLUMN story_key TEXT;
CREATE INDEX ix_events_story_key ON events (story_key);
