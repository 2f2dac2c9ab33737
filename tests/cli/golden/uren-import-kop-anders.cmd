ambt uren import FIX/hb-uren-kop-anders.csv --db DB
