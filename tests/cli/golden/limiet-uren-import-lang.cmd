ambt uren import FIX/hb-uren-lang.csv --db DB
