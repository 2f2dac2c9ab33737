-- 0018: the desk (docs/design/appointments.md, "The desk"): when an
-- appointment was marked arrived, served or no-show, walk-ins, the hours
-- booked for served time, and the first free time a booking could have
-- had (for the statistics).

-- eerste_vrij_utc: the earliest free start for the same visit at the same
-- location when it was booked (NULL for walk-ins and for appointments
-- made before this migration). geboekt_utc: the booking moment.
-- status_utc: when the status was last set at the desk. inloop: made at
-- the desk for now. uren_id: the row of hours (table uren) its served
-- time is booked as, while it is served.
ALTER TABLE afspraak ADD COLUMN geboekt_utc INTEGER;
ALTER TABLE afspraak ADD COLUMN eerste_vrij_utc INTEGER;
ALTER TABLE afspraak ADD COLUMN status_utc INTEGER;
ALTER TABLE afspraak ADD COLUMN inloop INTEGER NOT NULL DEFAULT 0
	CHECK (inloop IN (0, 1));
ALTER TABLE afspraak ADD COLUMN uren_id INTEGER;
CREATE INDEX afspraak_gemeente_start ON afspraak (gemeente_id, start_utc);

-- Where a batch of hours comes from: an imported file, or the desk (one
-- batch per cooperation, rows added as appointments are served; never
-- replaced by a file).
ALTER TABLE uren_batch ADD COLUMN bron TEXT NOT NULL DEFAULT 'bestand'
	CHECK (bron IN ('bestand', 'balie'));
