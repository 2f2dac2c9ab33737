ambt uren importeer FIX/hb-uren-2025-01.csv --proef --db DB && ambt uren batches --format csv --db DB | wc -l
