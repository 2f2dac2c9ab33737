ambt afspraken instelling --gemeente GM0358 --max-open 51 --db DB
