ambt gemeente lijst --db DB
