ambt medewerker importeer FIX/medewerkers-fout.csv --db DB
