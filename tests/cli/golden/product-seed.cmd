ambt product standaard --gemeente GM0397 --db DB && ambt product standaard --gemeente GM0397 --db DB && ambt product lijst --gemeente GM0397 --db DB
