ambt afspraak verplaats Q3WBHLZJ --start 2026-11-26T08:40 --db DB
