ambt uren import FIX/hb-uren-ander-personeel.csv --dry-run --db DB
