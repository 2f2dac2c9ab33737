ambt vestiging lijst --gemeente GM0362 --format json --db DB
