ambt eenheid wijzig hb-informatisering --van 2020-01-01 --vorm gedeeld --besluit 830016 --db DB
