ambt product lijst --gemeente GM0358 --db DB
