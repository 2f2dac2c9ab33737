-- 0010: the contribution calculation (docs/allocation.md).

-- A cost pool (kostenpost) of a cooperation's year, for one unit; cents,
-- negative for income. datum: the pool follows the arrangement of that day.
CREATE TABLE kostenpost (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	jaar INTEGER NOT NULL,
	code TEXT NOT NULL,
	eenheid_id INTEGER NOT NULL REFERENCES eenheid (id),
	kostensoort TEXT NOT NULL,
	taakveld TEXT,
	bedrag INTEGER NOT NULL,
	datum TEXT,
	UNIQUE (samenwerking_id, jaar, code)
);

-- A unit's role in a year. Without a row a unit is primary and split by
-- its realised hours. volgorde: its place in a step-down allocation.
CREATE TABLE kostenrol (
	eenheid_id INTEGER NOT NULL REFERENCES eenheid (id),
	jaar INTEGER NOT NULL,
	ondersteunend INTEGER NOT NULL DEFAULT 0,
	grondslag TEXT,
	taakveld TEXT,
	volgorde INTEGER,
	PRIMARY KEY (eenheid_id, jaar)
);

-- What a support unit delivers to another unit in a year (a weight).
CREATE TABLE kostenlevering (
	van_id INTEGER NOT NULL REFERENCES eenheid (id),
	aan_id INTEGER NOT NULL REFERENCES eenheid (id),
	jaar INTEGER NOT NULL,
	gewicht INTEGER NOT NULL CHECK (gewicht >= 0),
	PRIMARY KEY (van_id, aan_id, jaar)
);

-- Weights set by hand per member: fixed percentages (basis points),
-- products, fte, budgeted hours.
CREATE TABLE kostengewicht (
	eenheid_id INTEGER NOT NULL REFERENCES eenheid (id),
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	jaar INTEGER NOT NULL,
	gewicht INTEGER NOT NULL CHECK (gewicht >= 0),
	PRIMARY KEY (eenheid_id, gemeente_id, jaar)
);

-- Maatwerk: hours a unit worked for one member on that member's own
-- account in a year, at a rate (cents per hour); billed to the member and
-- credited to the unit's own pool.
CREATE TABLE maatwerk (
	eenheid_id INTEGER NOT NULL REFERENCES eenheid (id),
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	jaar INTEGER NOT NULL,
	honderdsten INTEGER NOT NULL CHECK (honderdsten >= 0),
	tarief INTEGER NOT NULL CHECK (tarief >= 0),
	PRIMARY KEY (eenheid_id, gemeente_id, jaar)
);

-- What each member paid in advance for the year.
CREATE TABLE voorschot (
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	jaar INTEGER NOT NULL,
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	bedrag INTEGER NOT NULL,
	PRIMARY KEY (samenwerking_id, jaar, gemeente_id)
);

-- How the support units' costs reach the primary units in a year.
CREATE TABLE kostenmethode (
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	jaar INTEGER NOT NULL,
	methode TEXT NOT NULL CHECK (methode IN ('direct', 'step_down',
		'reciprocal')),
	PRIMARY KEY (samenwerking_id, jaar)
);

-- A scenario: a named "what if" on a year's data, as a list of changes.
CREATE TABLE scenario (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	jaar INTEGER NOT NULL,
	naam TEXT NOT NULL,
	omschrijving TEXT,
	UNIQUE (samenwerking_id, jaar, naam)
);

CREATE TABLE scenario_wijziging (
	id INTEGER PRIMARY KEY,
	scenario_id INTEGER NOT NULL REFERENCES scenario (id),
	soort TEXT NOT NULL CHECK (soort IN ('eigen', 'gedeeld',
		'ondergebracht', 'grondslag', 'kostenpost')),
	eenheid_id INTEGER REFERENCES eenheid (id),
	gemeente_id INTEGER REFERENCES organisatie (id),
	vanaf TEXT,
	grondslag TEXT,
	kostenpost TEXT,
	bedrag INTEGER
);

-- A calculation as it was made: the canonical input, its SHA-256 and the
-- result (JSON). Once adopted (vastgesteld, by a decision) it never
-- changes; one adopted calculation per cooperation and year.
CREATE TABLE kostenverdeling (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	jaar INTEGER NOT NULL,
	scenario TEXT,
	invoer TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	uitkomst TEXT NOT NULL,
	totaal INTEGER NOT NULL,
	berekend TEXT NOT NULL,
	door TEXT,
	besluit_id INTEGER REFERENCES besluit (id),
	vastgesteld TEXT,
	CHECK ((besluit_id IS NULL) = (vastgesteld IS NULL)),
	CHECK (vastgesteld IS NULL OR scenario IS NULL)
);

CREATE UNIQUE INDEX kostenverdeling_een_vastgesteld
	ON kostenverdeling (samenwerking_id, jaar)
	WHERE vastgesteld IS NOT NULL;

CREATE TRIGGER kostenverdeling_bevroren
BEFORE UPDATE ON kostenverdeling WHEN OLD.vastgesteld IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'kostenverdeling vastgesteld');
END;

CREATE TRIGGER kostenverdeling_blijft
BEFORE DELETE ON kostenverdeling WHEN OLD.vastgesteld IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'kostenverdeling vastgesteld');
END;
