ambt samenwerking show HB --op 2021-03-01 --db DB
