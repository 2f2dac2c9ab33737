ambt medewerker toon HB-038 --db DB && ambt medewerker toon HB-038 --format json --db DB
