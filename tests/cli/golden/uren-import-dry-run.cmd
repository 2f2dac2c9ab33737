ambt uren import FIX/hb-uren-2025-01.csv --dry-run --db DB && ambt uren batches --format csv --db DB | wc -l
