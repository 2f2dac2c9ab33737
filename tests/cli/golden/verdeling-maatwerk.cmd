ambt verdeling maatwerk aa-loketten GM0362 10,5 80 --jaar 2024 --db DB && ambt verdeling bereken --samenwerking AA --jaar 2024 --format json --db DB
