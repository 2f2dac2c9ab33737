ambt verdeling vaststellen 5 --besluit BESLUIT-2007-0000000001 --organisatie GM0880 --db DB && ambt verdeling lijst --samenwerking WOL --db DB
