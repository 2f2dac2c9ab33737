ambt vestiging lijst --db DB
