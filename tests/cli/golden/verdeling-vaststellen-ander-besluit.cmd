ambt verdeling vaststellen 5 --besluit 830016 --db DB
