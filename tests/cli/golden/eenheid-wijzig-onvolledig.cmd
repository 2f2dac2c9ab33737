ambt eenheid wijzig hb-communicatie --vorm anders --db DB
