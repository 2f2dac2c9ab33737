-- 0020: the waiting list of the front office (docs/design/appointments.md,
-- "De wachtlijst").

-- Residents waiting for a time for a product of a municipality, in the
-- order they came (id). When a time of that product is freed (cancelled
-- or moved away from), the first waiting entry gets an offer by e-mail
-- and leaves the list: aanbod_* say which time, aangeboden_utc when. An
-- offer holds nothing: whoever books first gets the time. referentie is
-- the entry's own code, to leave the list with.
CREATE TABLE wachtlijst (
	id INTEGER PRIMARY KEY,
	referentie TEXT NOT NULL UNIQUE,
	gemeente_id INTEGER NOT NULL REFERENCES organisatie (id),
	product_id INTEGER NOT NULL REFERENCES balieproduct (id),
	naam TEXT NOT NULL,
	email TEXT NOT NULL,
	aangemeld_utc INTEGER NOT NULL,
	aanbod_vestiging_id INTEGER REFERENCES vestiging (id),
	aanbod_start INTEGER,
	aanbod_eind INTEGER,
	aangeboden_utc INTEGER
);
-- One place on a product's list per address; the next in line.
CREATE UNIQUE INDEX wachtlijst_uniek ON wachtlijst (product_id, email)
	WHERE aangeboden_utc IS NULL;
CREATE INDEX wachtlijst_gemeente ON wachtlijst (gemeente_id, aangemeld_utc);

-- The outbox learns a fifth kind of message, the offer ('aanbod'), sent
-- to a waiting entry about the appointment that freed the time. SQLite
-- cannot change a CHECK, so the table is made anew with its rows.
CREATE TABLE bericht_nieuw (
	id INTEGER PRIMARY KEY,
	afspraak_id INTEGER NOT NULL REFERENCES afspraak (id),
	soort TEXT NOT NULL CHECK (soort IN ('bevestiging', 'wijziging',
		'annulering', 'herinnering', 'aanbod')),
	volgnummer INTEGER NOT NULL,
	aangemaakt_utc INTEGER NOT NULL,
	volgende_utc INTEGER NOT NULL,
	pogingen INTEGER NOT NULL DEFAULT 0,
	laatste_fout TEXT,
	verzonden_utc INTEGER,
	vervallen INTEGER NOT NULL DEFAULT 0 CHECK (vervallen IN (0, 1)),
	wachtlijst_id INTEGER REFERENCES wachtlijst (id)
);
INSERT INTO bericht_nieuw (id, afspraak_id, soort, volgnummer, aangemaakt_utc,
	volgende_utc, pogingen, laatste_fout, verzonden_utc, vervallen)
	SELECT id, afspraak_id, soort, volgnummer, aangemaakt_utc, volgende_utc,
		pogingen, laatste_fout, verzonden_utc, vervallen FROM bericht;
DROP TABLE bericht;
ALTER TABLE bericht_nieuw RENAME TO bericht;
CREATE INDEX bericht_wachtrij ON bericht (volgende_utc)
	WHERE verzonden_utc IS NULL AND vervallen = 0;
CREATE INDEX bericht_afspraak ON bericht (afspraak_id);
CREATE INDEX bericht_wachtlijst ON bericht (wachtlijst_id)
	WHERE wachtlijst_id IS NOT NULL;
