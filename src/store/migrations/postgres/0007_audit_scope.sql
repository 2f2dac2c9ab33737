-- 0007: the municipality or cooperation an audit entry concerns, so that
-- reading the trail can be scoped like everything else. Part of the hash
-- when present (older entries have none and keep their hashes).
ALTER TABLE audit ADD COLUMN scope TEXT COLLATE "C";
CREATE INDEX audit_scope ON audit (scope);
