ambt samenwerking toon HB --op 2021-02-30 --db DB
