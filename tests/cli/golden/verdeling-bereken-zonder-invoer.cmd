ambt verdeling bereken --db DB
