ambt scenario maak "$(head -c 201 /dev/zero | tr '\0' s)" --samenwerking AA --jaar 2024 --omschrijving "$(head -c 1001 /dev/zero | tr '\0' o)" kostenpost:ICT:-1.000.000.000.000,01 --db DB
