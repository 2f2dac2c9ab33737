ambt eenheid toon aa-strategie --format csv --db DB
