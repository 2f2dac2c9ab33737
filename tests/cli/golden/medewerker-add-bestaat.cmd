ambt medewerker toevoegen --nummer HB-004 --naam "Ivo van Dijk" --werkgever GM0397 --eenheid hb-communicatie --fte 1 --van 2025-02-01 --db DB
