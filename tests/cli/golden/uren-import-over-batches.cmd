ambt uren import FIX/hb-uren-over-batches.csv --db DB
