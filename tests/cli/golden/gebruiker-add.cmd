printf "paard-batterij-nietje\n" | ambt gebruiker add j.devries --naam "Jan de Vries" --rol accounthouder --scope GM0358 --wachtwoord-stdin --db DB && ambt gebruiker list --format csv --db DB
