ambt vestiging sluiting toevoegen aalsmeer-raadhuis --van 2026-11-23 --tot 2026-11-23 --db DB
