ambt rooster delete 37 --db DB
