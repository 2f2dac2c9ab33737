ambt uren importeer FIX/hb-uren-nieuw.csv --db DB
