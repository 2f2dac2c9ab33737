ambt gemeente show GM0397 --db DB
