ambt audit controleer --db DB
