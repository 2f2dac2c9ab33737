ambt eenheid wijzig hb-communicatie --van 2025-01-01 --vorm eigen --gemeente GM0397 --besluit 830016 --db DB && ambt eenheid toon hb-communicatie --db DB
