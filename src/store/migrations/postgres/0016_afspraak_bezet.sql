-- 0016: what a free-time search and a booking read of the appointments
-- (those at the locations searched, and those of the staff rostered there,
-- wherever they are) comes from the index alone: after the range columns
-- (location or staff member, start) follow the columns the engine is
-- given and the search filters on, so no row of afspraak is visited for
-- them. A booking reads its whole local day and the 27 hours before it;
-- with the range columns only, every appointment of those days was read
-- from the table.
DROP INDEX afspraak_vestiging;
DROP INDEX afspraak_medewerker;
CREATE INDEX afspraak_vestiging ON afspraak (vestiging_id, start_utc,
	eind_utc, buffer, status, medewerker_id, balie, id);
CREATE INDEX afspraak_medewerker ON afspraak (medewerker_id, start_utc,
	eind_utc, buffer, status, vestiging_id, balie, id);
