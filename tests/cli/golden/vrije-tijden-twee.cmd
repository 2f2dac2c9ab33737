ambt vrije-tijden --gemeente GM0362 --product paspoort,rijbewijs --personen 2,1 --van 2026-12-08 --tot 2026-12-08 --vestiging amstelveen-raadhuis --format csv --db DB
