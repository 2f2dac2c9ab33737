ambt vrije-tijden --gemeente GM0358 --product paspoort --personen 6 --van 2026-12-07 --tot 2026-12-08 --db DB
