ambt besluit toevoegen --organisatie GM0358 --orgaan college --datum 2021-01-01 --onderwerp Geheim --openbaarheid geheim --db DB
