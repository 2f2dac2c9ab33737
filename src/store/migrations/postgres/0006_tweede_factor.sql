-- 0006: a second factor (TOTP, RFC 6238) and one-time recovery codes.
ALTER TABLE gebruiker ADD COLUMN totp_geheim TEXT COLLATE "C"; -- base32, or NULL

CREATE TABLE herstelcode (
	gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),
	hash TEXT COLLATE "C" NOT NULL, -- SHA-256 of the code
	gebruikt BIGINT,                -- Unix seconds when used
	PRIMARY KEY (gebruiker_id, hash)
);
