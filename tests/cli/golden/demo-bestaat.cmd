ambt demo --db DB
