-- 0001: the cooperation register and the decisions register.
-- Dates are ISO 8601 text (YYYY-MM-DD, Europe/Amsterdam calendar days);
-- periods are half-open [van, tot), tot NULL = open-ended.

CREATE TABLE organisatie (
	id INTEGER PRIMARY KEY,
	soort TEXT NOT NULL
		CHECK (soort IN ('gemeente', 'gemeenschappelijke_regeling')),
	code TEXT NOT NULL UNIQUE,
	naam TEXT NOT NULL,
	provincie TEXT,
	taak TEXT,
	verzonnen INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE inwonertal (
	organisatie_id INTEGER NOT NULL REFERENCES organisatie (id),
	peildatum TEXT NOT NULL,
	aantal INTEGER NOT NULL CHECK (aantal >= 0),
	bron TEXT,
	PRIMARY KEY (organisatie_id, peildatum)
);

CREATE TABLE besluit (
	id INTEGER PRIMARY KEY,
	identificatie TEXT NOT NULL UNIQUE,
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
	UNIQUE (gegenereerd_jaar, gegenereerd_nummer)
);

CREATE TABLE besluit_stap (
	besluit_id INTEGER NOT NULL REFERENCES besluit (id),
	volgnummer INTEGER NOT NULL,
	status TEXT NOT NULL,
	datum TEXT NOT NULL,
	toelichting TEXT,
	PRIMARY KEY (besluit_id, volgnummer)
);

CREATE TABLE regeling_lid (
	id INTEGER PRIMARY KEY,
	regeling_id INTEGER NOT NULL REFERENCES organisatie (id),
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	van TEXT NOT NULL,
	tot TEXT CHECK (tot IS NULL OR tot > van),
	besluit_id INTEGER REFERENCES besluit (id)
);

CREATE TABLE samenwerking (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	naam TEXT NOT NULL,
	sinds TEXT NOT NULL,
	centrumgemeente_id INTEGER REFERENCES organisatie (id),
	omschrijving TEXT
);

CREATE TABLE samenwerking_lid (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	van TEXT NOT NULL,
	tot TEXT CHECK (tot IS NULL OR tot > van),
	besluit_id INTEGER REFERENCES besluit (id)
);

CREATE TABLE eenheid (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	code TEXT NOT NULL UNIQUE,
	naam TEXT NOT NULL,
	soort TEXT NOT NULL CHECK (soort IN ('afdeling', 'team', 'taak')),
	omschrijving TEXT,
	verzonnen INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE inrichting (
	id INTEGER PRIMARY KEY,
	eenheid_id INTEGER NOT NULL REFERENCES eenheid (id),
	van TEXT NOT NULL,
	tot TEXT CHECK (tot IS NULL OR tot > van),
	vorm TEXT NOT NULL,
	gemeente_id INTEGER REFERENCES organisatie (id),
	regeling_id INTEGER REFERENCES organisatie (id),
	besluit_id INTEGER NOT NULL REFERENCES besluit (id),
	UNIQUE (eenheid_id, van),
	CHECK ((vorm = 'gedeeld' AND gemeente_id IS NULL AND regeling_id IS NULL)
		OR (vorm = 'eigen' AND gemeente_id IS NOT NULL AND regeling_id IS NULL)
		OR (vorm = 'ondergebracht' AND regeling_id IS NOT NULL
			AND gemeente_id IS NULL))
);

CREATE TABLE kader_artikel (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	nummer INTEGER NOT NULL CHECK (nummer > 0),
	titel TEXT,
	UNIQUE (samenwerking_id, nummer)
);

CREATE TABLE kader_versie (
	id INTEGER PRIMARY KEY,
	artikel_id INTEGER NOT NULL REFERENCES kader_artikel (id),
	van TEXT NOT NULL,
	tot TEXT CHECK (tot IS NULL OR tot > van),
	tekst TEXT NOT NULL,
	besluit_id INTEGER NOT NULL REFERENCES besluit (id),
	UNIQUE (artikel_id, van)
);

CREATE TABLE kader_eenheid (
	versie_id INTEGER NOT NULL REFERENCES kader_versie (id),
	eenheid_id INTEGER NOT NULL REFERENCES eenheid (id),
	PRIMARY KEY (versie_id, eenheid_id)
);

CREATE TABLE werkstroom (
	id INTEGER PRIMARY KEY,
	samenwerking_id INTEGER NOT NULL REFERENCES samenwerking (id),
	code TEXT NOT NULL UNIQUE,
	naam TEXT NOT NULL,
	eigenaar TEXT,
	omschrijving TEXT
);

CREATE TABLE mijlpaal (
	id INTEGER PRIMARY KEY,
	werkstroom_id INTEGER NOT NULL REFERENCES werkstroom (id),
	naam TEXT NOT NULL,
	gepland TEXT NOT NULL,
	status TEXT NOT NULL
		CHECK (status IN ('gepland', 'gereed', 'uitgesteld', 'vervallen')),
	uitkomst TEXT,
	verzonnen INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE taakveld (
	code TEXT PRIMARY KEY,
	volgorde INTEGER NOT NULL,
	naam TEXT NOT NULL,
	hoofdtaakveld TEXT NOT NULL,
	hoofdtaakveld_naam TEXT NOT NULL,
	eerste_jaar INTEGER,
	laatste_jaar INTEGER
);

CREATE INDEX samenwerking_lid_sw ON samenwerking_lid (samenwerking_id);
CREATE INDEX eenheid_sw ON eenheid (samenwerking_id);
CREATE INDEX inrichting_besluit ON inrichting (besluit_id);
CREATE INDEX besluit_org ON besluit (organisatie_id, datum);
CREATE INDEX mijlpaal_ws ON mijlpaal (werkstroom_id);
