-- 0013: the publisher's subject tags (Article.Tags: feed categories, page keywords, Reuters-21578 TOPICS), one row per
-- article and tag, compared ignoring case: the tag filter (--tag, tag=) and the tag counts of `stats` read this table.
-- Existing articles get their rows from the tags their stored JSON already holds.
CREATE TABLE article_tags (
    article_id TEXT NOT NULL,
    tag        TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX ix_article_tags_tag ON article_tags (tag);

INSERT OR IGNORE INTO article_tags (article_id, tag)
    SELECT a.id, t.value FROM articles a, json_each(a.json, '$.tags') t WHERE t.type = 'text';
