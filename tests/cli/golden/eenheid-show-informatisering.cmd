ambt eenheid toon hb-informatisering --db DB
