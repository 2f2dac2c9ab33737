ambt gebruiker token beheer --naam koppeling --dagen 4294967297 --db DB; ambt gebruiker token beheer --naam koppeling --dagen 0 --db DB
