ambt verdeling bereken --samenwerking AA --jaar 2024 --bewaar --db DB >/dev/null && ambt verdeling vaststellen 6 --besluit BIJDRAGE-AALSMEER-2024 --db DB
