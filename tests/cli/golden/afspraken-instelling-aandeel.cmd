ambt afspraken instelling --gemeente GM0358 --web-aandeel 0 --db DB
