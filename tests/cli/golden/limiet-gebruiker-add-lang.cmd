ambt gebruiker toevoegen j.lang --naam "$(head -c 201 /dev/zero | tr '\0' J)" --email "$(head -c 250 /dev/zero | tr '\0' j)@x.nl" --rol raadslid --scope GM0358 --db DB
