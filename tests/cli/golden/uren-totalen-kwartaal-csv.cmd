ambt uren totalen --samenwerking AA --jaar 2024 --per kwartaal --format csv --db DB
