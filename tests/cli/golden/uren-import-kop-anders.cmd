ambt uren importeer FIX/hb-uren-kop-anders.csv --db DB
