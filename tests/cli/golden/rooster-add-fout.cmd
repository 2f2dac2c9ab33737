ambt rooster toevoegen --medewerker AA-007 --vestiging aalsmeer-video --datum 2026-11-30 --van 14:00 --tot 25:00 --db DB
