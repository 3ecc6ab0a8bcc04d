-- 0002: what `dateline follow` remembers about each feed between polls.
CREATE TABLE feed_state (
    feed_url      TEXT PRIMARY KEY,
    etag          TEXT,                         -- the feed's last ETag (sent back as If-None-Match)
    last_modified TEXT,                         -- its last Last-Modified, verbatim (sent back as If-Modified-Since)
    polled_at     TEXT,                         -- ISO 8601, UTC
    seen_items    TEXT    NOT NULL DEFAULT '[]' -- JSON array of item keys already handled, newest first
);
