ambt vrije-tijden --gemeente GM0358 --product paspoort --van 2026-12-07 --tot 2026-12-08 --db DB
