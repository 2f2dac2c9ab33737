ambt uren importeer FIX/brief.txt --db DB
