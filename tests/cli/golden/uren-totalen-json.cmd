ambt uren totalen --samenwerking WOL --jaar 2023 --format json --db DB
