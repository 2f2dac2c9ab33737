ambt afspraak toon ZZZZ2222 --db DB
