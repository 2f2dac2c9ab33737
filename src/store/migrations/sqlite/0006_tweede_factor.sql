-- 0006: a second factor (TOTP, RFC 6238) and one-time recovery codes.
ALTER TABLE gebruiker ADD COLUMN totp_geheim TEXT; -- base32, or NULL

CREATE TABLE herstelcode (
	gebruiker_id INTEGER NOT NULL REFERENCES gebruiker (id),
	hash TEXT NOT NULL, -- SHA-256 of the code
	gebruikt INTEGER,   -- Unix seconds when used
	PRIMARY KEY (gebruiker_id, hash)
);
