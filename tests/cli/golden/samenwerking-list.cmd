ambt samenwerking lijst --op 2021-03-01 --db DB
