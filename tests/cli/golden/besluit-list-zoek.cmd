ambt besluit list --zoek informatisering --format csv --db DB
