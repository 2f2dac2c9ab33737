printf "welkom\n" | ambt gebruiker add j.devries --naam "Jan de Vries" --wachtwoord-stdin --db DB
