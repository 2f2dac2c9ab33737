ambt vestiging sluiting toevoegn --db DB
