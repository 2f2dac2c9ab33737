ambt scenario lijst --db DB
