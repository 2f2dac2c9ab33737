ambt gemeente qmatic-sleutel GRIT --db DB
