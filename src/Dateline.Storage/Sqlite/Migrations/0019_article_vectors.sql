-- 0019: article embeddings (issue 16: meaning-based search and similar articles). One row per article and model; the
-- vector is its floats, little-endian single precision (Vectors/VectorBytes). id only grows (AUTOINCREMENT: never
-- reused), and a replaced vector is a new row, so a process holding the vectors in memory reads what changed as the
-- rows after the last id it saw (Vectors/VectorIndexes).
CREATE TABLE article_vectors (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    seq    INTEGER NOT NULL,
    model  TEXT    NOT NULL,
    vector BLOB    NOT NULL,
    UNIQUE (model, seq)
);
CREATE INDEX ix_article_vectors_seq ON article_vectors (seq);
