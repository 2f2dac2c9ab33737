ambt product toevoegen --gemeente GM0358 --code rijexamen --naam Rijexamen --duur 7 --db DB
