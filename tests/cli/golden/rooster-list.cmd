ambt rooster lijst --vestiging aalsmeer-raadhuis --van 2026-11-23 --tot 2026-12-06 --db DB
