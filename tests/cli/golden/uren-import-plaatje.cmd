ambt uren importeer FIX/plaatje.png --db DB
