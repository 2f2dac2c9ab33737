ambt uren afwijkingen --db DB
