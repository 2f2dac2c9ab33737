-- 0008: a token can be narrower than its account: one of its roles only,
-- and/or reading only.
ALTER TABLE token ADD COLUMN rol TEXT COLLATE "C";
ALTER TABLE token ADD COLUMN scope TEXT COLLATE "C";
ALTER TABLE token ADD COLUMN alleen_lezen INTEGER NOT NULL DEFAULT 0;
