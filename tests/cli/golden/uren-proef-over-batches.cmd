ambt uren importeer FIX/hb-uren-over-batches.csv --proef --db DB
