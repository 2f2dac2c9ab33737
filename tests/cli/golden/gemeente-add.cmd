ambt gemeente toevoegen --code GM0392 --naam Haarlem --provincie Noord-Holland --inwoners 162902 --peildatum 2024-01-01 --db DB && ambt gemeente toon GM0392 --db DB
