ambt uren import bestaat-niet.csv --db DB
