ambt afspraken vrijgave toevoegen --gemeente GM0358 --vanaf 2026-12-15 --moment 2026-12-01T08:00 --product rijbewijs-x --db DB
