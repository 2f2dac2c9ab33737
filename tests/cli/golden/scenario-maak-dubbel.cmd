ambt scenario maak loketten-alleen-aalsmeer --samenwerking AA --jaar 2024 gedeeld:aa-loketten:2024-01-01 --db DB
