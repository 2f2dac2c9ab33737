ambt verdeling vergelijk 1 2 --db DB
