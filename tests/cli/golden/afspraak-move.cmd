ambt afspraak move Q3WBHLZJ --start 2026-12-08T13:30 --db DB && ambt afspraak list --vestiging amstelveen-raadhuis --datum 2026-12-08 --db DB
