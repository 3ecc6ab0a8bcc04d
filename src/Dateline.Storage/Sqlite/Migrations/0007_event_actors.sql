-- 0007: which of the article's actors ("a1") each report names as source and target, so an actor page can list the
-- events of that actor (through article_actors) rather than every event of its country code. Reports stored before
-- take them from the stored annotations (the event with the same trigger start and CAMEO code).
ALTER TABLE event_reports ADD COLUMN source_actor TEXT;
ALTER TABLE event_reports ADD COLUMN target_actor TEXT;

UPDATE event_reports SET
    source_actor = (SELECT json_extract(e.value, '$.source.actor') FROM annotations n, json_each(n.json, '$.events') e
                    WHERE n.article_id = event_reports.article_id AND json_extract(e.value, '$.trigger.start') = event_reports.trigger_start
                      AND json_extract(e.value, '$.cameo') = (SELECT cameo FROM events WHERE id = event_reports.event_id) LIMIT 1),
    target_actor = (SELECT json_extract(e.value, '$.target.actor') FROM annotations n, json_each(n.json, '$.events') e
                    WHERE n.article_id = event_reports.article_id AND json_extract(e.value, '$.trigger.start') = event_reports.trigger_start
                      AND json_extract(e.value, '$.cameo') = (SELECT cameo FROM events WHERE id = event_reports.event_id) LIMIT 1);
