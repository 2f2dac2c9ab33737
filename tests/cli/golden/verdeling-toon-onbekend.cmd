ambt verdeling toon 99 --db DB
