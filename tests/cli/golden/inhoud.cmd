ambt inhoud --controleer --zonder gebruiker,audit --db DB
