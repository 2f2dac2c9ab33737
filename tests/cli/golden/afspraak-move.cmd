ambt afspraak verplaats Q3WBHLZJ --start 2026-12-08T13:30 --db DB && ambt afspraak lijst --vestiging amstelveen-raadhuis --datum 2026-12-08 --db DB
