ambt gemeente qmatic-sleutel GM9999 --db DB
