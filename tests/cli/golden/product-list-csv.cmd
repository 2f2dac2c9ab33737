ambt product lijst --gemeente GM0362 --format csv --db DB
