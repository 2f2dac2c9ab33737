ambt verdeling bereken --samenwerking WOL --jaar 2024 --bewaar --db DB && ambt verdeling vaststellen 5 --besluit BESLUIT-2007-0000000001 --db DB && ambt verdeling lijst --samenwerking WOL --db DB
