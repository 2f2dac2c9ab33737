: > leeg.csv && ambt uren import leeg.csv --db DB
