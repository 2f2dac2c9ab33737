ambt eenheid show hb-informatisering --db DB
