ambt afspraak toevoegen --gemeente GM0358 --product paspoort --vestiging aalsmeer-raadhuis --start 'maandag 9 uur' --naam Jan --email j@example.nl --db DB
