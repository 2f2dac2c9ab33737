ambt uren import FIX/hb-uren-2025-fouten.csv --db DB
