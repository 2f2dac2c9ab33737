ambt product toon paspoort --gemeente GM0358 --db DB
