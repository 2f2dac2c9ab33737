ambt besluit show 830016 --format json --db DB
