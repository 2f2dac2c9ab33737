ambt rooster delete 149 --db DB && ambt rooster delete 38 --reeks --db DB && ambt rooster list --vestiging amstelveen-raadhuis --van 2026-11-23 --tot 2026-12-06 --db DB
