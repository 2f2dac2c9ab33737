ambt uren import FIX/hb-uren-2025-01-verbeterd.csv --vervang 99 --db DB
