ambt product list --gemeente GM0358 --db DB
