ambt samenwerking toon HB --op 2021-03-01 --db DB
