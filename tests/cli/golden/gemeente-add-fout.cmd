ambt gemeente toevoegen --code GM392 --naam "" --inwoners 12a --db DB
