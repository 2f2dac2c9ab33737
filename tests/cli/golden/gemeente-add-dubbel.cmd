ambt gemeente toevoegen --code GM0358 --naam Aalsmeer --db DB
