ambt samenwerking toon HB --op 2021-05-01 --format json --db DB
