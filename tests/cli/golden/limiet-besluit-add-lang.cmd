ambt besluit toevoegen --organisatie GM0358 --orgaan college --datum 2026-10-01 --onderwerp "$(head -c 501 /dev/zero | tr '\0' O)" --openbaarheid actief_openbaar --db DB
