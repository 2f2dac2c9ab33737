ambt uren importeer FIX/hb-uren-ander-personeel.csv --db DB
