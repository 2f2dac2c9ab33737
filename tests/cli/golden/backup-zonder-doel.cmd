ambt backup --db DB
