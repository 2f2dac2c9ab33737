ambt medewerker import FIX/medewerkers.csv --db DB && ambt medewerker list --zoek HB-10 --db DB && ambt medewerker show HB-004 --db DB | tail -2
