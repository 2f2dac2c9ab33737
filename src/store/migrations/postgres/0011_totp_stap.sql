-- 0011: a TOTP code is accepted once (RFC 6238 section 5.2). The time
-- step (Unix seconds / 30) of the last code accepted for the account; a
-- code is accepted only for a later step. NULL: none yet.
ALTER TABLE gebruiker ADD COLUMN totp_stap BIGINT;
