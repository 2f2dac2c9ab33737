ambt rooster verwijder 149 --db DB && ambt rooster verwijder 38 --reeks --db DB && ambt rooster lijst --vestiging amstelveen-raadhuis --van 2026-11-23 --tot 2026-12-06 --db DB
