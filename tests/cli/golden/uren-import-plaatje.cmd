ambt uren import FIX/plaatje.png --db DB
