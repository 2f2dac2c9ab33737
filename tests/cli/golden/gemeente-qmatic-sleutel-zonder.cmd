ambt gemeente qmatic-sleutel --db DB
