ambt uren importeer FIX/hb-uren-2025-01-verbeterd.csv --vervang 99 --db DB
