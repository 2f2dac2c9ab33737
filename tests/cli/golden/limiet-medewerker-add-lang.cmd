ambt medewerker toevoegen --nummer HB-004 --naam "$(head -c 201 /dev/zero | tr '\0' S)" --werkgever GM0397 --eenheid hb-communicatie --fte 99999999999 --van 2025-02-01 --db DB
