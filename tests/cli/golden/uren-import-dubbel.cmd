ambt uren import FIX/hb-uren-dubbel.csv --db DB
