ambt samenwerking show HB --op 2021-05-01 --db DB
