printf "paard-batterij-nietje\n" | ambt gebruiker toevoegen j.devries --naam "Jan de Vries" --rol accounthouder --scope GM0358 --wachtwoord-stdin --db DB && ambt gebruiker lijst --format csv --db DB
