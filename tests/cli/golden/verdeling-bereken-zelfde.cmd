ambt verdeling bereken --samenwerking WOL --jaar 2024 --bewaar --db DB | tail -1 && ambt verdeling lijst --samenwerking WOL --db DB
