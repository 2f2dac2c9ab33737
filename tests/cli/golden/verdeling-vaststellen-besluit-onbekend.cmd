ambt verdeling vaststellen 5 --besluit BESTAAT-NIET --db DB
