ambt verdeling bereken --samenwerking AA --jaar 2024 --scenario loketten-alleen-aalsmeer --db DB
