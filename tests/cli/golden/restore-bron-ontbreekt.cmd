ambt restore nergens.db --db DB
