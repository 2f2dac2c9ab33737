ambt verdeling vaststellen 2 --besluit BIJDRAGE-AALSMEER-2024 --db DB
