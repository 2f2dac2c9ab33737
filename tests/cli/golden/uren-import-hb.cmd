ambt uren importeer FIX/hb-uren-2025-01.csv --db DB && ambt uren batches --db DB | head -3
