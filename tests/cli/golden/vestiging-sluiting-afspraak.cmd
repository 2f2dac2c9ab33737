ambt vestiging sluiting add aalsmeer-raadhuis --van 2026-11-23 --tot 2026-11-23 --db DB
