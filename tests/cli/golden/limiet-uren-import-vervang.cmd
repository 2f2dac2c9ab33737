ambt uren importeer FIX/hb-uren-2025-01.csv --vervang 99999999999999999999 --db DB
