ambt medewerker import FIX/medewerkers-lang.csv --db DB
