ambt inhoud --controleer --zonder gebruiker,audit,qmatic_sleutel --db DB
