-- 0004: accounts with roles, and the audit trail.

CREATE TABLE gebruiker (
	id INTEGER PRIMARY KEY,
	gebruikersnaam TEXT NOT NULL UNIQUE,
	naam TEXT NOT NULL,
	email TEXT,
	wachtwoord_hash TEXT NOT NULL, -- Argon2id, libsodium's encoding
	aangemaakt TEXT NOT NULL,
	ingetrokken TEXT -- when the account was closed; never reopened
);

CREATE TABLE gebruiker_rol (
	gebruiker_id INTEGER NOT NULL REFERENCES gebruiker (id),
	rol TEXT NOT NULL CHECK (rol IN ('beheerder', 'controller',
		'accounthouder', 'planner', 'baliemedewerker', 'raadslid')),
	scope TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (gebruiker_id, rol, scope)
);

-- The fields of the ZGW AuditTrail, plus the origin; each row carries
-- the hash of the one before (see src/core/audit.h).
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	uuid TEXT NOT NULL UNIQUE,
	aanmaakdatum TEXT NOT NULL,
	gebruikers_id TEXT NOT NULL,
	gebruikers_weergave TEXT NOT NULL,
	actie TEXT NOT NULL,
	actie_weergave TEXT NOT NULL,
	resultaat INTEGER NOT NULL,
	resource TEXT NOT NULL,
	resource_url TEXT,
	resource_weergave TEXT,
	toelichting TEXT,
	herkomst TEXT NOT NULL,
	oud TEXT,
	nieuw TEXT,
	vorige_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);

CREATE TRIGGER audit_geen_wijziging BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'het auditspoor kan alleen worden aangevuld');
END;

CREATE TRIGGER audit_geen_verwijdering BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'het auditspoor kan alleen worden aangevuld');
END;

CREATE INDEX audit_resource ON audit (resource, resource_weergave);
