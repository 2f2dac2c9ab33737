ambt uren importeer FIX/hb-uren-kolom-mist.csv --db DB
