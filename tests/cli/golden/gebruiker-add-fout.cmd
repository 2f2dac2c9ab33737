printf "paard-batterij-nietje\n" | ambt gebruiker toevoegen j.devries --naam "" --rol wethouder --wachtwoord-stdin --db DB
