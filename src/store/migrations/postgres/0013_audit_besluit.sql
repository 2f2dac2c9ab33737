-- 0013: the decision an audit entry names (the one it is about, or the
-- one a change of the register or an adoption named), so that whoever
-- may not read that decision reads the entry without it. Part of the
-- hash when present. No foreign key: a proposal may be deleted, its
-- entries stay.
ALTER TABLE audit ADD COLUMN besluit_id BIGINT;
