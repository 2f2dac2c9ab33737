ambt uren importeer FIX/hb-uren-ander-personeel.csv --proef --db DB
