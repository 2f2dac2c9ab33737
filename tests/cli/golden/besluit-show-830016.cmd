ambt besluit show 830016 --db DB
