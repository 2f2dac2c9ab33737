ambt medewerker import FIX/medewerkers-fout.csv --db DB
