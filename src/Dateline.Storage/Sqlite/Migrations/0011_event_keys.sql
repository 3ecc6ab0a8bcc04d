-- 0011: every key an event is known by — the evidence key of each report (date, actors, code, the evidence sentence's
-- first words) and the story key of each story that reports it (date, actors, code, story id) — so a later article
-- links to the event by whichever it shares: a reprint with edited wording by its story, a roundup in another story
-- that repeats the sentence by its evidence.
CREATE TABLE event_keys (
    key      TEXT    PRIMARY KEY,
    event_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_event_keys_event ON event_keys (event_id);
INSERT OR IGNORE INTO event_keys (key, event_id) SELECT event_key, id FROM events;
INSERT OR IGNORE INTO event_keys (key, event_id) SELECT story_key, id FROM events WHERE story_key IS NOT NULL;
