ambt uren import FIX/hb-uren-nieuw.csv --nieuwe-medewerkers --db DB && ambt medewerker show HB-100 --db DB
