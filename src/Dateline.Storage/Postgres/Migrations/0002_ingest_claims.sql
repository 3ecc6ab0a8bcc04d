-- 0002 (PostgreSQL; SQLite's 0014): the ingest queue that lets any number of `ingest` processes, on any number of machines,
-- divide the same inputs. A process claims a file before reading it, for a lease (server time) it renews while it works;
-- a claim whose lease ran out (its process was killed) is taken over by the next process that asks. A claim is one
-- upsert on the file's row: two processes asking at once queue on the row lock and exactly one gets it.
CREATE TABLE ingest_claims (
    path       text PRIMARY KEY,
    worker     text NOT NULL,
    claimed_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    takeovers  integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_ingest_claims_worker ON ingest_claims (worker);
ALTER TABLE ingested_files ADD COLUMN worker text;
