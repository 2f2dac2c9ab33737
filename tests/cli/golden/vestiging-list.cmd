ambt vestiging list --db DB
