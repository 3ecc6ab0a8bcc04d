-- 0005: coded events. One row per distinct event (key: date, source, target, CAMEO code, story) and one report per
-- article that carries it, so wire copies and updates link to one event instead of counting twice. The story is a
-- fingerprint of the evidence sentence (wire copies and updates repeat it); see SqliteEvents.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    event_key       TEXT    NOT NULL UNIQUE,
    date            TEXT,                       -- yyyy-MM-dd when known
    source_code     TEXT    NOT NULL,           -- "" when the text names no source (passive without agent)
    source_country  TEXT    NOT NULL,           -- first three letters of source_code
    source_text     TEXT    NOT NULL,
    target_code     TEXT    NOT NULL,           -- "" when there is no target
    target_country  TEXT    NOT NULL,
    target_text     TEXT,
    cameo           TEXT    NOT NULL,
    root            TEXT    NOT NULL,           -- first two digits of cameo
    plover          TEXT    NOT NULL,           -- PLOVER type of the act (CONSULT for an intention to meet)
    plover_type     TEXT    NOT NULL,           -- PLOVER type of the CAMEO code under the published mapping
    mode            TEXT,
    quad_class      INTEGER NOT NULL,
    goldstein       REAL    NOT NULL,
    negated         INTEGER NOT NULL,
    modality        TEXT    NOT NULL,
    counts          INTEGER NOT NULL,           -- 1 when not negated and actual or intended: what aggregates count
    evidence        TEXT    NOT NULL,           -- the first report's evidence sentence
    rule            TEXT    NOT NULL,
    confidence      REAL    NOT NULL,
    first_article   TEXT    NOT NULL
);
CREATE INDEX ix_events_date ON events (date, id);
CREATE INDEX ix_events_dyad ON events (source_country, target_country, date);
CREATE INDEX ix_events_target ON events (target_country, date);
CREATE INDEX ix_events_cameo ON events (cameo);

CREATE TABLE event_reports (
    event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id      TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    PRIMARY KEY (event_id, article_id, trigger_start)
);
CREATE INDEX ix_event_reports_article ON event_reports (article_id);
