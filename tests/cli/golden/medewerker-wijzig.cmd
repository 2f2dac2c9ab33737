ambt medewerker wijzig HB-004 --tot 2025-07-01 --standplaats Bloemendaal --db DB && ambt medewerker toon HB-004 --db DB
