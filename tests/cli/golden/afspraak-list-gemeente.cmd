ambt afspraak lijst --gemeente GM0362 --datum 2026-11-24 --format csv --db DB
