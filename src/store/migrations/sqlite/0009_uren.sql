-- 0009: the staff register and the hours (HOURS.md).

-- Staff as the time registration knows them. A staff member created by an
-- hours import (--nieuwe-medewerkers) has only a number and a unit until
-- someone completes the record; bron_batch_id says which import made it.
CREATE TABLE medewerker (
	id INTEGER PRIMARY KEY,
	nummer TEXT NOT NULL UNIQUE,
	naam TEXT,
	werkgever_id INTEGER REFERENCES organisatie (id),
	eenheid_id INTEGER REFERENCES eenheid (id),
	standplaats TEXT,
	fte INTEGER CHECK (fte IS NULL OR (fte > 0 AND fte <= 1000)),
	van TEXT,
	tot TEXT CHECK (tot IS NULL OR van IS NULL OR tot > van),
	bron_batch_id INTEGER
);

-- One imported file. Its rows are uren.id eerste_id..laatste_id. A batch
-- replaced by a corrected file keeps its record (vervangen_door) but
-- loses its rows; only one current batch may have a given content hash.
CREATE TABLE uren_batch (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL,
	bestand TEXT,
	ingelezen TEXT NOT NULL,
	door TEXT,
	rijen INTEGER NOT NULL,
	honderdsten INTEGER NOT NULL,
	medewerkers INTEGER NOT NULL,
	gemeenten INTEGER NOT NULL,
	afwijkingen INTEGER NOT NULL,
	van TEXT,
	tot TEXT,
	eerste_id INTEGER,
	laatste_id INTEGER,
	vervangen_door INTEGER REFERENCES uren_batch (id)
);
CREATE UNIQUE INDEX uren_batch_hash ON uren_batch (hash)
	WHERE vervangen_door IS NULL;

-- The rows as imported. Their ids are resolved by the importer from the
-- register in the same transaction (register rows are never deleted), so
-- no foreign keys are declared: checking four per row would make a
-- year's import several times slower.
CREATE TABLE uren (
	id INTEGER PRIMARY KEY,
	batch_id INTEGER NOT NULL,
	regel INTEGER NOT NULL,
	medewerker_id INTEGER NOT NULL,
	datum TEXT NOT NULL,
	week INTEGER NOT NULL DEFAULT 0,
	gemeente_id INTEGER NOT NULL,
	eenheid_id INTEGER NOT NULL,
	taakveld TEXT,
	product TEXT,
	honderdsten INTEGER NOT NULL CHECK (honderdsten > 0),
	omschrijving TEXT
);

-- Hours per unit, municipality and day (a week's hours on its Thursday),
-- kept as the rows arrive: totals, the urenverdeling and the framework
-- check read these thousands of cells instead of millions of rows.
CREATE TABLE uren_cel (
	batch_id INTEGER NOT NULL REFERENCES uren_batch (id),
	eenheid_id INTEGER NOT NULL REFERENCES eenheid (id),
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	datum TEXT NOT NULL,
	honderdsten INTEGER NOT NULL,
	rijen INTEGER NOT NULL,
	PRIMARY KEY (batch_id, eenheid_id, gemeente_id, datum)
) WITHOUT ROWID;
CREATE INDEX uren_cel_datum ON uren_cel (datum);
