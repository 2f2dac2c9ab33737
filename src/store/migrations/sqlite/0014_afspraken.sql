-- 0014: the front office by appointment (docs/design/appointments.md).
-- Times of day are minutes after local midnight (Europe/Amsterdam);
-- instants are Unix seconds in UTC (columns *_utc).

-- A location (vestiging) of one municipality: a town hall with desks, or
-- a video desk (kanaal 'video', no address; balies = calls at once).
CREATE TABLE vestiging (
	id INTEGER PRIMARY KEY,
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	code TEXT NOT NULL UNIQUE,
	naam TEXT NOT NULL,
	kanaal TEXT NOT NULL CHECK (kanaal IN ('fysiek', 'video')),
	adres TEXT,
	postcode TEXT,
	plaats TEXT,
	balies INTEGER NOT NULL CHECK (balies BETWEEN 1 AND 200),
	raster INTEGER NOT NULL DEFAULT 10
		CHECK (raster IN (5, 10, 15, 20, 30, 60)),
	goede_vrijdag_dicht INTEGER NOT NULL DEFAULT 1
		CHECK (goede_vrijdag_dicht IN (0, 1)),
	bevrijdingsdag_dicht INTEGER NOT NULL DEFAULT 0
		CHECK (bevrijdingsdag_dicht IN (0, 1))
);
CREATE INDEX vestiging_gemeente ON vestiging (gemeente_id);

-- Opening hours: several ranges a weekday (0 = Monday).
CREATE TABLE openingstijd (
	vestiging_id INTEGER NOT NULL REFERENCES vestiging (id),
	weekdag INTEGER NOT NULL CHECK (weekdag BETWEEN 0 AND 6),
	van INTEGER NOT NULL CHECK (van BETWEEN 0 AND 1435),
	tot INTEGER NOT NULL CHECK (tot > van AND tot <= 1440),
	PRIMARY KEY (vestiging_id, weekdag, van)
);

-- Closed from one date to another, both included.
CREATE TABLE sluiting (
	id INTEGER PRIMARY KEY,
	vestiging_id INTEGER NOT NULL REFERENCES vestiging (id),
	van TEXT NOT NULL,
	tot TEXT NOT NULL CHECK (tot >= van),
	reden TEXT
);
CREATE INDEX sluiting_vestiging ON sluiting (vestiging_id, van);

-- A municipality's catalogue. vaardigheden: the skills a visit needs,
-- comma-separated codes.
CREATE TABLE balieproduct (
	id INTEGER PRIMARY KEY,
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	code TEXT NOT NULL,
	naam TEXT NOT NULL,
	upl_uri TEXT,
	duur INTEGER NOT NULL
		CHECK (duur BETWEEN 5 AND 480 AND duur % 5 = 0),
	fysiek INTEGER NOT NULL DEFAULT 1 CHECK (fysiek IN (0, 1)),
	video INTEGER NOT NULL DEFAULT 0 CHECK (video IN (0, 1)),
	vaardigheden TEXT NOT NULL DEFAULT '',
	voorbereiding INTEGER NOT NULL DEFAULT 0
		CHECK (voorbereiding BETWEEN 0 AND 43200),
	horizon INTEGER NOT NULL DEFAULT 90 CHECK (horizon BETWEEN 1 AND 366),
	buffer INTEGER NOT NULL DEFAULT 0
		CHECK (buffer BETWEEN 0 AND 120 AND buffer % 5 = 0),
	max_personen INTEGER NOT NULL DEFAULT 1
		CHECK (max_personen BETWEEN 1 AND 10),
	meenemen TEXT,
	actief INTEGER NOT NULL DEFAULT 1 CHECK (actief IN (0, 1)),
	UNIQUE (gemeente_id, code)
);

-- The roster: a staff member at a location on a date, from and to
-- (local minutes, and the same as UTC instants), with the skills they
-- bring there. reeks_id groups the days of one weekly repetition.
CREATE TABLE dienst (
	id INTEGER PRIMARY KEY,
	medewerker_id INTEGER NOT NULL REFERENCES medewerker (id),
	vestiging_id INTEGER NOT NULL REFERENCES vestiging (id),
	datum TEXT NOT NULL,
	van INTEGER NOT NULL CHECK (van BETWEEN 0 AND 1435),
	tot INTEGER NOT NULL CHECK (tot > van AND tot <= 1440),
	start_utc INTEGER NOT NULL,
	eind_utc INTEGER NOT NULL CHECK (eind_utc > start_utc),
	vaardigheden TEXT NOT NULL DEFAULT '',
	reeks_id INTEGER
);
CREATE INDEX dienst_vestiging ON dienst (vestiging_id, start_utc);
CREATE INDEX dienst_medewerker ON dienst (medewerker_id, start_utc);
CREATE INDEX dienst_reeks ON dienst (reeks_id);

-- An appointment. naam, email and telefoon are the only personal data,
-- erased (gewist) after the municipality's retention period.
CREATE TABLE afspraak (
	id INTEGER PRIMARY KEY,
	referentie TEXT NOT NULL UNIQUE,
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	vestiging_id INTEGER NOT NULL REFERENCES vestiging (id),
	medewerker_id INTEGER REFERENCES medewerker (id),
	balie INTEGER,
	start_utc INTEGER NOT NULL,
	eind_utc INTEGER NOT NULL CHECK (eind_utc > start_utc),
	buffer INTEGER NOT NULL DEFAULT 0,
	status TEXT NOT NULL CHECK (status IN ('geboekt', 'geannuleerd',
		'aanwezig', 'geholpen', 'niet_verschenen')),
	naam TEXT,
	email TEXT,
	telefoon TEXT,
	gewist TEXT,
	sleutel TEXT,
	verzoek_hash TEXT,
	volgnummer INTEGER NOT NULL DEFAULT 0,
	aangemaakt TEXT NOT NULL,
	gewijzigd TEXT NOT NULL
);
CREATE UNIQUE INDEX afspraak_sleutel ON afspraak (gemeente_id, sleutel)
	WHERE sleutel IS NOT NULL;
CREATE INDEX afspraak_vestiging ON afspraak (vestiging_id, start_utc);
-- A staff member's bookings elsewhere, which a search at one location
-- must see too.
CREATE INDEX afspraak_medewerker ON afspraak (medewerker_id, start_utc);

CREATE TABLE afspraak_product (
	afspraak_id INTEGER NOT NULL REFERENCES afspraak (id),
	product_id INTEGER NOT NULL REFERENCES balieproduct (id),
	personen INTEGER NOT NULL CHECK (personen BETWEEN 1 AND 10),
	PRIMARY KEY (afspraak_id, product_id)
);

-- What makes double booking impossible: the five-minute cells (UTC
-- seconds / 300) a booked appointment holds, its buffer included, once
-- per staff member and once per desk.
CREATE TABLE afspraak_cel (
	afspraak_id INTEGER NOT NULL REFERENCES afspraak (id),
	cel INTEGER NOT NULL,
	medewerker_id INTEGER NOT NULL,
	vestiging_id INTEGER NOT NULL,
	balie INTEGER NOT NULL,
	PRIMARY KEY (medewerker_id, cel),
	UNIQUE (vestiging_id, balie, cel)
);
CREATE INDEX afspraak_cel_afspraak ON afspraak_cel (afspraak_id);

-- Per municipality: the sender of its messages, the video link template
-- ({referentie} is replaced), the reminder (hours before; 0: none), how
-- long personal data is kept after the appointment, a closing text.
CREATE TABLE afspraak_instelling (
	gemeente_id INTEGER PRIMARY KEY REFERENCES organisatie (id),
	afzender TEXT,
	videolink TEXT,
	herinnering INTEGER NOT NULL DEFAULT 24
		CHECK (herinnering BETWEEN 0 AND 336),
	bewaartermijn INTEGER NOT NULL DEFAULT 90
		CHECK (bewaartermijn BETWEEN 1 AND 3650),
	slottekst TEXT
);

-- The outbox: a message to send about an appointment, composed when sent.
CREATE TABLE bericht (
	id INTEGER PRIMARY KEY,
	afspraak_id INTEGER NOT NULL REFERENCES afspraak (id),
	soort TEXT NOT NULL CHECK (soort IN ('bevestiging', 'wijziging',
		'annulering', 'herinnering')),
	volgnummer INTEGER NOT NULL,
	aangemaakt_utc INTEGER NOT NULL,
	volgende_utc INTEGER NOT NULL,
	pogingen INTEGER NOT NULL DEFAULT 0,
	laatste_fout TEXT,
	verzonden_utc INTEGER,
	vervallen INTEGER NOT NULL DEFAULT 0 CHECK (vervallen IN (0, 1))
);
CREATE INDEX bericht_wachtrij ON bericht (volgende_utc)
	WHERE verzonden_utc IS NULL AND vervallen = 0;
CREATE INDEX bericht_afspraak ON bericht (afspraak_id);

-- Who sends (one process at a time): claimed until an instant. The one
-- row is made by the first claim (an upsert), so that a new database
-- holds no rows and a copy (migreer) can fill it like any other table.
CREATE TABLE bericht_zender (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	door TEXT,
	tot_utc INTEGER NOT NULL DEFAULT 0
);
