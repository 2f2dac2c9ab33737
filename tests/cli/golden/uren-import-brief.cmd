ambt uren import FIX/brief.txt --db DB
