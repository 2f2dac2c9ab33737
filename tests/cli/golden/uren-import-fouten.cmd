ambt uren importeer FIX/hb-uren-2025-fouten.csv --db DB
