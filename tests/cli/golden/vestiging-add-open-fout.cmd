ambt vestiging toevoegen --gemeente GM0358 --code aalsmeer-oost --naam Oost --balies 1 --open 'ma-vrij 09:00-12:00' --db DB
