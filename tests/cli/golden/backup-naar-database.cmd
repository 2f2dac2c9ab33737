ambt backup postgresql://ambt@localhost/elders --db DB
