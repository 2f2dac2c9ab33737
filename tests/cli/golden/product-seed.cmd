ambt product seed --gemeente GM0397 --db DB && ambt product seed --gemeente GM0397 --db DB && ambt product list --gemeente GM0397 --db DB
