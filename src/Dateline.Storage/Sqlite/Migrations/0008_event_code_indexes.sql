-- 0008: actor filters on events (`events --actor JPN`, `/api/events?source_actor=…`, dyads) are code-prefix ranges;
-- these indexes let them seek instead of scanning every event on each query.
CREATE INDEX ix_events_source_code ON events (source_code, date);
CREATE INDEX ix_events_target_code ON events (target_code, date);
