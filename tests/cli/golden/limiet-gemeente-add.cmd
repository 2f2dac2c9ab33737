ambt gemeente toevoegen --code GM0392 --naam "$(head -c 201 /dev/zero | tr '\0' H)" --provincie "$(head -c 201 /dev/zero | tr '\0' N)" --inwoners 4294969320 --peildatum 2024-01-01 --db DB
