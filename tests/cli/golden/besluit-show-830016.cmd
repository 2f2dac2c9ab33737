ambt besluit toon 830016 --db DB
