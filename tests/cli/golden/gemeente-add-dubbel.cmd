ambt gemeente add --code GM0358 --naam Aalsmeer --db DB
