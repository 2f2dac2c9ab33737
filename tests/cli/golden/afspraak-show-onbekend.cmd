ambt afspraak show ZZZZ2222 --db DB
