ambt samenwerking show HB --op 2021-02-30 --db DB
