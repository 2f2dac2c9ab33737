-- 0005: logging in. Sessions and API tokens are stored by the SHA-256 of
-- their secret (the secret itself only ever lives in the cookie or with
-- the token holder); failed logins are counted per key (an account name
-- or a network) to slow down guessing.

CREATE TABLE sessie (
	hash TEXT PRIMARY KEY,
	gebruiker_id INTEGER NOT NULL REFERENCES gebruiker (id),
	csrf TEXT NOT NULL,
	aangemaakt INTEGER NOT NULL,     -- Unix seconds
	laatst_gebruikt INTEGER NOT NULL,
	herkomst TEXT NOT NULL
);

CREATE TABLE token (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE,
	gebruiker_id INTEGER NOT NULL REFERENCES gebruiker (id),
	naam TEXT NOT NULL,
	aangemaakt INTEGER NOT NULL,
	verloopt INTEGER NOT NULL,
	ingetrokken INTEGER
);

CREATE TABLE inlogpoging (
	sleutel TEXT PRIMARY KEY,        -- 'account:<name>' or 'net:<prefix>'
	mislukt INTEGER NOT NULL,
	sinds INTEGER NOT NULL,
	geblokkeerd_tot INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX sessie_gebruiker ON sessie (gebruiker_id);
CREATE INDEX token_gebruiker ON token (gebruiker_id);
