ambt afspraak lijst --vestiging aalsmeer-raadhuis --datum 2026-10-26 --db DB
