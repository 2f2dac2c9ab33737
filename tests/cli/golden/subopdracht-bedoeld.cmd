ambt besluit lisjt --db DB
