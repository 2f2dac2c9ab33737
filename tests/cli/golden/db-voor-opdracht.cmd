ambt --db DB eenheid toon hb-informatisering --format csv
