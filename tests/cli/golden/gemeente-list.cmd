ambt gemeente list --db DB
