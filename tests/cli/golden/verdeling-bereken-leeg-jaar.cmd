ambt verdeling bereken --samenwerking AA --jaar 2021 --db DB
