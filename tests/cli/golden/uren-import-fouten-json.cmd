ambt uren importeer FIX/hb-uren-2025-fouten.csv --format json --db DB 2>/dev/null
