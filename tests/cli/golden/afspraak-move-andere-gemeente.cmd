ambt afspraak verplaats Q3WBHLZJ --start 2026-11-24T09:20 --vestiging aalsmeer-raadhuis --db DB
