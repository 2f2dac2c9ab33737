ambt gemeente shwo GM0358 --db DB
