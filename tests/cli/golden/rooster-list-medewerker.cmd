ambt rooster lijst --medewerker AA-007 --van 2026-11-23 --tot 2026-11-29 --db DB
