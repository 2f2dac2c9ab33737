ambt uren import FIX/hb-uren-nieuw.csv --db DB
