ambt rooster verwijder 37 --db DB
