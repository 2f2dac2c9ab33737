ambt vestiging toevoegen --gemeente GM0358 --code 'Aalsmeer Oost' --naam Oost --kanaal fysiek --balies 1 --raster 7 --open 'ma 09:00-12:00' --db DB
