ambt uren importeer FIX/hb-uren-nieuw.csv --nieuwe-medewerkers --db DB && ambt medewerker toon HB-100 --db DB
