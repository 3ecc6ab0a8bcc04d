-- 0003 (PostgreSQL; SQLite's 0018): events list newest first (/events, /api/events, `dateline events` and the exports):
-- by date, then id, undated events last. The sort key is COALESCE(date, ''), id (an undated event's '' sorts below every
-- date), so the list reads this index backwards, and a keyset page ("after this date and id") seeks to its last date and
-- skips the ids already seen there; ix_events_date (date, id) stays for the date-range filters and the dyads.
CREATE INDEX ix_events_newest ON events ((COALESCE(date, '')), id);
