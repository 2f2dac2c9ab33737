ambt serve --poort 4294967297 --db DB; ambt serve --max-body -1 --db DB
