ambt verdeling vergelijk 2 3 --format csv --db DB
