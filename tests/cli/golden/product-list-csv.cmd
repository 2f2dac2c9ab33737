ambt product list --gemeente GM0362 --format csv --db DB
