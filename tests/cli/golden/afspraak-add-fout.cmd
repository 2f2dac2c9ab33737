ambt afspraak toevoegen --gemeente GM0358 --product paspoort --vestiging aalsmeer-raadhuis --start 2026-12-07T09:35 --naam 'Jan Jansen' --email jan@ --db DB
