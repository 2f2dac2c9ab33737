ambt gemeente toon GM0397 --db DB
