-- 0004 (PostgreSQL; SQLite's 0019): article embeddings (issue 16). One row per article and model; the vector is its
-- floats, little-endian single precision, in a bytea (Debian's PostgreSQL has no pgvector; vectors are scored in the
-- application, Vectors/VectorIndex). id only grows and a replaced vector is a new row, so a process holding the vectors
-- in memory reads what changed as the rows after the last id it saw; rows committed out of id order are caught by the
-- count check that follows (Vectors/VectorIndexes).
CREATE TABLE article_vectors (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq    bigint NOT NULL,
    model  text COLLATE "C" NOT NULL,
    vector bytea  NOT NULL,
    UNIQUE (model, seq)
);
CREATE INDEX ix_article_vectors_seq ON article_vectors (seq);
