ambt gebruiker lijst --db DB
