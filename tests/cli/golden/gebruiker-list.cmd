ambt gebruiker list --db DB
