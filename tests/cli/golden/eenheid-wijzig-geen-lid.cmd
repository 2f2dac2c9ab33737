ambt eenheid wijzig hb-communicatie --van 2025-01-01 --vorm eigen --gemeente GM0358 --besluit 830016 --db DB
