ambt uren import FIX/hb-uren-kolom-mist.csv --db DB
