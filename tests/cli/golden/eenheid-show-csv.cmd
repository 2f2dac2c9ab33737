ambt eenheid show aa-strategie --format csv --db DB
