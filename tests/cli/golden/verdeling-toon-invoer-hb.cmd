ambt verdeling bereken --samenwerking HB --jaar 2024 --toon-invoer --db DB
