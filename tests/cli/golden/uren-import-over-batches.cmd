ambt uren importeer FIX/hb-uren-over-batches.csv --db DB
