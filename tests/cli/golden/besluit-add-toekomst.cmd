ambt besluit toevoegen --organisatie GM0358 --orgaan college --datum 2026-11-23 --onderwerp "Te vroeg" --db DB
