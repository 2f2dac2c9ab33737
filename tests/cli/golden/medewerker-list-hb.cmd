ambt medewerker lijst --samenwerking HB --db DB | head -6
