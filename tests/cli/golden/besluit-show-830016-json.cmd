ambt besluit toon 830016 --format json --db DB
