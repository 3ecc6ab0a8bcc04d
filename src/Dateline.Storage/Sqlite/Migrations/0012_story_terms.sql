-- 0012: stories beyond copies — independent reports of one event share rare words (Stories/StoryTerms). story_df counts
-- the articles each content word occurs in (the row with the empty term counts articles); story_terms keeps each
-- article's heaviest TF-IDF terms, by which a new article finds the reports it may join (most recent first per term).
CREATE TABLE story_df (
    term TEXT    PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_terms (
    term       TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    article_id TEXT    NOT NULL,
    weight     REAL    NOT NULL,
    PRIMARY KEY (term, seq)
) WITHOUT ROWID;
CREATE INDEX ix_story_terms_article ON story_terms (article_id);
