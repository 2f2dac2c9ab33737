-- 0017: the key of a municipality's Qmatic calendar surface (the surface
-- Open Formulieren's Qmatic plugin speaks, docs/design/qmatic.md). One key
-- per municipality; only the hex SHA-256 of the key is kept, as for API
-- tokens, so the key itself is shown once, when it is made.
CREATE TABLE qmatic_sleutel (
	gemeente_id BIGINT PRIMARY KEY REFERENCES organisatie (id),
	hash TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(hash) = 64),
	aangemaakt_utc BIGINT NOT NULL
);
