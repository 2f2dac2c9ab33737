ambt gemeente add --code GM392 --naam "" --inwoners 12a --db DB
