ambt afspraak toevoegen --gemeente GM0358 --product paspoort --vestiging aalsmeer-raadhuis --start 2026-11-23T09:00 --naam 'Jan Jansen' --email j.jansen@example.nl --db DB
