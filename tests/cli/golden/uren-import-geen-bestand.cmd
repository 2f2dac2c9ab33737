ambt uren importeer bestaat-niet.csv --db DB
