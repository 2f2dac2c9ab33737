ambt verdeling lijst --db DB
