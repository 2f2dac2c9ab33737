ambt inhoud --zonder gebruiker,niets --db DB
