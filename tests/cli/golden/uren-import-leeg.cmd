: > leeg.csv && ambt uren importeer leeg.csv --db DB
