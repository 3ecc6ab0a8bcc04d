-- 0014: the ingest queue. Several `ingest` processes given the same inputs divide them: a process claims a file before it
-- reads it, for a lease it renews while it works (times are UTC ISO 8601 text); a claim whose lease ran out (its process
-- was killed) is taken over by the next process that asks. The ledger remembers which worker finished each file.
CREATE TABLE ingest_claims (
    path       TEXT    PRIMARY KEY,
    worker     TEXT    NOT NULL,
    claimed_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    takeovers  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_ingest_claims_worker ON ingest_claims (worker);
ALTER TABLE ingested_files ADD COLUMN worker TEXT;
