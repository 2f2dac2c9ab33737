ambt uren importeer FIX/hb-uren-dubbel.csv --db DB
