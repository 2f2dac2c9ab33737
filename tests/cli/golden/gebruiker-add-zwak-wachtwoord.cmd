printf "welkom\n" | ambt gebruiker toevoegen j.devries --naam "Jan de Vries" --wachtwoord-stdin --db DB
