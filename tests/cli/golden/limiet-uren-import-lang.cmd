ambt uren importeer FIX/hb-uren-lang.csv --db DB
