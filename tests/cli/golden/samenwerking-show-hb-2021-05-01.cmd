ambt samenwerking toon HB --op 2021-05-01 --db DB
