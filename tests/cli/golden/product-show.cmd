ambt product show paspoort --gemeente GM0358 --db DB
