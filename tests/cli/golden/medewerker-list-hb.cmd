ambt medewerker list --samenwerking HB --db DB | head -6
