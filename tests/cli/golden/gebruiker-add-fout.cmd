printf "paard-batterij-nietje\n" | ambt gebruiker add j.devries --naam "" --rol wethouder --wachtwoord-stdin --db DB
