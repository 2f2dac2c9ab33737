ambt vestiging list --gemeente GM0362 --format json --db DB
