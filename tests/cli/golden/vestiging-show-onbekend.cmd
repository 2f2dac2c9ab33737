ambt vestiging toon nergens --db DB
