ambt verdeling toon 2 --gemeente GM0358 --db DB
