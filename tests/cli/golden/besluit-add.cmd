ambt besluit add --organisatie GM0358 --orgaan college --datum 2026-10-01 --onderwerp "Urenverdeling 2027" --openbaarheid actief_openbaar --db DB && ambt besluit show BESLUIT-2026-0000000002 --db DB
