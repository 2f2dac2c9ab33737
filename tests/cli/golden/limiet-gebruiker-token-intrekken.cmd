ambt gebruiker token-intrekken beheer 99999999999999999999 --db DB
