ambt verdeling toon 2 --format json --db DB
