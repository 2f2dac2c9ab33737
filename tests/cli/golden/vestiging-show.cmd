ambt vestiging show aalsmeer-raadhuis --db DB
