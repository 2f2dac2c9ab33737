ambt samenwerking lijst --op 2021-03-01 --format csv --db DB
