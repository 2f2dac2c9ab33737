ambt verdeling bereken --samenwerking AA --jaar 2024 --scenario bestaat-niet --db DB
