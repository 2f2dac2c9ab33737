ambt uren import FIX/hb-uren-ander-personeel.csv --db DB
