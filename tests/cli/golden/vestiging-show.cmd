ambt vestiging toon aalsmeer-raadhuis --db DB
