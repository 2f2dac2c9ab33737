ambt uren importeer FIX/hb-uren-2025-01.csv --db DB >/dev/null && ambt uren importeer FIX/hb-uren-2025-01.csv --db DB && ambt uren batches --db DB --format csv | grep -c urenexport
