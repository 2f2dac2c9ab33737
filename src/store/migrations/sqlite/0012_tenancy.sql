-- 0012: every object belongs to its tenant.
--
-- A decision's identificatie is unique within its organisation (as in the
-- ZGW Besluiten API), no longer across the installation: two
-- municipalities may use the same case number, and nobody learns from a
-- refusal that another organisation has one.
CREATE TABLE besluit_nieuw (
	id INTEGER PRIMARY KEY,
	identificatie TEXT NOT NULL,
	organisatie_id INTEGER NOT NULL REFERENCES organisatie (id),
	bestuursorgaan TEXT NOT NULL
		CHECK (bestuursorgaan IN ('gemeenteraad', 'college', 'burgemeester')),
	datum TEXT NOT NULL,
	ingangsdatum TEXT,
	vervaldatum TEXT,
	vervalreden TEXT,
	publicatiedatum TEXT,
	onderwerp TEXT NOT NULL,
	toelichting TEXT,
	portefeuillehouder TEXT,
	afdeling TEXT,
	openbaarheid TEXT NOT NULL
		CHECK (openbaarheid IN ('actief_openbaar', 'passief_openbaar', 'geheim')),
	geheim_tot TEXT,
	status TEXT NOT NULL CHECK (status IN ('voorgesteld', 'aangehouden',
		'vastgesteld', 'verworpen', 'ingetrokken')),
	gegenereerd_jaar INTEGER,
	gegenereerd_nummer INTEGER,
	verzonnen INTEGER NOT NULL DEFAULT 0,
	UNIQUE (organisatie_id, identificatie),
	UNIQUE (gegenereerd_jaar, gegenereerd_nummer)
);
INSERT INTO besluit_nieuw SELECT id, identificatie, organisatie_id,
	bestuursorgaan, datum, ingangsdatum, vervaldatum, vervalreden,
	publicatiedatum, onderwerp, toelichting, portefeuillehouder, afdeling,
	openbaarheid, geheim_tot, status, gegenereerd_jaar, gegenereerd_nummer,
	verzonnen FROM besluit;
DROP TABLE besluit;
ALTER TABLE besluit_nieuw RENAME TO besluit;
CREATE INDEX besluit_org ON besluit (organisatie_id, datum);
CREATE INDEX besluit_identificatie ON besluit (identificatie);

-- A staff member belongs to the cooperation of their home unit, and staff
-- numbers are unique within a cooperation: each shared organisation has
-- its own time registration.
CREATE TABLE medewerker_nieuw (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	nummer TEXT NOT NULL,
	naam TEXT,
	werkgever_id INTEGER REFERENCES organisatie (id),
	eenheid_id INTEGER REFERENCES eenheid (id),
	standplaats TEXT,
	fte INTEGER CHECK (fte IS NULL OR (fte > 0 AND fte <= 1000)),
	van TEXT,
	tot TEXT CHECK (tot IS NULL OR van IS NULL OR tot > van),
	bron_batch_id INTEGER,
	UNIQUE (samenwerking_id, nummer)
);
INSERT INTO medewerker_nieuw SELECT m.id,
	coalesce((SELECT e.samenwerking_id FROM eenheid e
		WHERE e.id = m.eenheid_id),
		(SELECT e.samenwerking_id FROM uren u JOIN eenheid e
			ON e.id = u.eenheid_id WHERE u.medewerker_id = m.id
			LIMIT 1),
		(SELECT min(id) FROM samenwerking)),
	m.nummer, m.naam, m.werkgever_id, m.eenheid_id, m.standplaats, m.fte,
	m.van, m.tot, m.bron_batch_id FROM medewerker m;
DROP TABLE medewerker;
ALTER TABLE medewerker_nieuw RENAME TO medewerker;

-- A batch of hours belongs to the one cooperation whose units it books;
-- the same file is stored once per cooperation.
ALTER TABLE uren_batch ADD COLUMN samenwerking_id INTEGER
	REFERENCES samenwerking (id);
UPDATE uren_batch SET samenwerking_id =
	(SELECT e.samenwerking_id FROM uren_cel c JOIN eenheid e
		ON e.id = c.eenheid_id WHERE c.batch_id = uren_batch.id LIMIT 1);
-- A replaced batch has no rows left: it belongs where its successor does.
WITH RECURSIVE keten (id, opvolger) AS (
	SELECT id, vervangen_door FROM uren_batch
	WHERE samenwerking_id IS NULL AND vervangen_door IS NOT NULL
	UNION ALL
	SELECT k.id, b.vervangen_door FROM keten k
	JOIN uren_batch b ON b.id = k.opvolger
	WHERE b.samenwerking_id IS NULL AND b.vervangen_door IS NOT NULL)
UPDATE uren_batch SET samenwerking_id = (SELECT b.samenwerking_id
	FROM keten k JOIN uren_batch b ON b.id = k.opvolger
	WHERE k.id = uren_batch.id AND b.samenwerking_id IS NOT NULL)
WHERE samenwerking_id IS NULL;
UPDATE uren_batch SET samenwerking_id = (SELECT min(id) FROM samenwerking)
WHERE samenwerking_id IS NULL;
DROP INDEX uren_batch_hash;
CREATE UNIQUE INDEX uren_batch_hash ON uren_batch (samenwerking_id, hash)
	WHERE vervangen_door IS NULL;
CREATE INDEX uren_batch_sw ON uren_batch (samenwerking_id);
