-- 0017: story_bands and story_terms name their article by articles.seq only. Their second index (by article, to
-- replace an article's rows when it is saved again) was on the article's id, a hash: every new article's 32 band keys
-- and 40 terms went to random pages of two more B-trees. An index on seq only grows at its end.
CREATE TABLE story_bands_new (
    band_key INTEGER NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (band_key, seq)
) WITHOUT ROWID;
INSERT INTO story_bands_new (band_key, seq) SELECT band_key, seq FROM story_bands;
DROP TABLE story_bands;
ALTER TABLE story_bands_new RENAME TO story_bands;
CREATE INDEX ix_story_bands_seq ON story_bands (seq);

CREATE TABLE story_terms_new (
    term   TEXT    NOT NULL,
    seq    INTEGER NOT NULL,
    weight REAL    NOT NULL,
    PRIMARY KEY (term, seq)
) WITHOUT ROWID;
INSERT INTO story_terms_new (term, seq, weight) SELECT term, seq, weight FROM story_terms;
DROP TABLE story_terms;
ALTER TABLE story_terms_new RENAME TO story_terms;
CREATE INDEX ix_story_terms_seq ON story_terms (seq);
