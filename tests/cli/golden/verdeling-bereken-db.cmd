ambt verdeling bereken --samenwerking AA --jaar 2024 --db DB
