ambt gemeent lijst --db DB
