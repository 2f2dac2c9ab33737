ambt uren importeer FIX/hb-uren-2025-01-verbeterd.csv --vervang 7 --db DB
