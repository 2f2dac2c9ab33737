ambt uren import FIX/hb-uren-2025-01.csv --db DB >/dev/null && ambt uren batches --db DB | grep balie && ambt uren import FIX/hb-uren-2025-01-verbeterd.csv --vervang 7 --db DB
