ambt medewerker show HB-038 --db DB && ambt medewerker show HB-038 --format json --db DB
