-- 0019: retention, abuse limits and peaks of the front office
-- (docs/design/appointments.md, "Grenzen").

-- The most open (booked, still ahead) appointments one e-mail address
-- may hold at a municipality, and the most bookings it may make there in
-- a day (UTC).
ALTER TABLE afspraak_instelling ADD COLUMN max_open INTEGER NOT NULL
	DEFAULT 3 CHECK (max_open BETWEEN 1 AND 50);
ALTER TABLE afspraak_instelling ADD COLUMN max_per_dag INTEGER NOT NULL
	DEFAULT 10 CHECK (max_per_dag BETWEEN 1 AND 1000);
-- Counting the open appointments of an address reads this index.
CREATE INDEX afspraak_email ON afspraak (gemeente_id, lower(email), status,
	start_utc) WHERE email IS NOT NULL;

-- What the retention period may have reached: appointments not erased,
-- by their end.
CREATE INDEX afspraak_te_wissen ON afspraak (eind_utc) WHERE gewist IS NULL;

-- Counters of the abuse limits: per key ("code:<REFERENTIE>",
-- "email:<hash of the address>", "net:<network>") and window (its first
-- instant, UTC, a multiple of the window's length), how many. Windows
-- that ended are pruned.
CREATE TABLE afspraak_teller (
	sleutel TEXT NOT NULL,
	venster INTEGER NOT NULL,
	aantal INTEGER NOT NULL CHECK (aantal >= 0),
	PRIMARY KEY (sleutel, venster)
);
CREATE INDEX afspraak_teller_venster ON afspraak_teller (venster);

-- Who erases personal data (the server once a day, one process at a
-- time): claimed until an instant, like bericht_zender.
CREATE TABLE afspraak_opschoner (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	door TEXT,
	tot_utc INTEGER NOT NULL DEFAULT 0
);

-- Release in waves: times on local dates from `vanaf` on, at the
-- municipality's locations (or one location) for its products (or one
-- product), become bookable at moment_utc.
CREATE TABLE afspraak_vrijgave (
	id INTEGER PRIMARY KEY,
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	vestiging_id INTEGER REFERENCES vestiging (id),
	product_id INTEGER REFERENCES balieproduct (id),
	vanaf TEXT NOT NULL,
	moment_utc INTEGER NOT NULL
);
CREATE INDEX afspraak_vrijgave_gemeente ON afspraak_vrijgave (gemeente_id);

-- The share per booking channel: the percentage of each location-day's
-- rostered time residents may fill by booking themselves (web); the rest
-- is kept for the bookings staff make for residents at the desk or by
-- telephone (balie).
ALTER TABLE afspraak_instelling ADD COLUMN web_aandeel INTEGER NOT NULL
	DEFAULT 100 CHECK (web_aandeel BETWEEN 1 AND 100);
ALTER TABLE afspraak ADD COLUMN geboekt_via TEXT NOT NULL DEFAULT 'web'
	CHECK (geboekt_via IN ('web', 'balie'));
