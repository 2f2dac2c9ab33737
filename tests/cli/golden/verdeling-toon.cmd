ambt verdeling toon 2 --db DB
