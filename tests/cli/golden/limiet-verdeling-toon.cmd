ambt verdeling toon 99999999999999999999 --db DB; ambt verdeling vergelijk 1 0 --db DB
