ambt regeling show GRIT --db DB
