ambt verdeling vaststellen 3 --besluit BIJDRAGE-AALSMEER-2024 --db DB
