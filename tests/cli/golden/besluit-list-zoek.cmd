ambt besluit lijst --zoek informatisering --format csv --db DB
