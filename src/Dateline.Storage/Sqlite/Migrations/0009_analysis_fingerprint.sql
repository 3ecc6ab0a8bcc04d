-- 0009: which analysis made each article's annotations (Pipeline.Fingerprint: component versions, the build of their
-- code and models, user configuration), so `reanalyze` can find the articles an older build or other overrides made.
-- Rows from before have none, and count as made by another analysis.
ALTER TABLE annotations ADD COLUMN fingerprint TEXT;
