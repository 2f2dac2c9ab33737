ambt regeling toon GRIT --db DB
