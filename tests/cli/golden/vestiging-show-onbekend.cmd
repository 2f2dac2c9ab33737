ambt vestiging show nergens --db DB
