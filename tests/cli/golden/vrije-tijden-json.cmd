ambt vrije-tijden --gemeente GM0358 --product verhuizing --kanaal video --van 2026-11-30 --tot 2026-11-30 --format json --db DB
