ambt medewerker importeer FIX/medewerkers-lang.csv --db DB
