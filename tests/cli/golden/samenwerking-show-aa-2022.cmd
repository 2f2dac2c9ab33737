ambt samenwerking toon AA --op 2022-06-01 --db DB
