ambt vergader --db DB
