ambt audit verify --db DB
