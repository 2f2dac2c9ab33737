ambt product add --gemeente GM0358 --code rijexamen --naam Rijexamen --duur 7 --db DB
