ambt medewerker importeer FIX/medewerkers.csv --db DB && ambt medewerker lijst --zoek HB-10 --db DB && ambt medewerker toon HB-004 --db DB | tail -2
