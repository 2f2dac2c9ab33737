ambt gemeente add --code GM0392 --naam Haarlem --provincie Noord-Holland --inwoners 162902 --peildatum 2024-01-01 --db DB && ambt gemeente show GM0392 --db DB
