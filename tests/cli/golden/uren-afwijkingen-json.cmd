ambt uren afwijkingen --samenwerking HB --jaar 2024 --format json --db DB
