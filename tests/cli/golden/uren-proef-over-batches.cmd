ambt uren import FIX/hb-uren-over-batches.csv --dry-run --db DB
