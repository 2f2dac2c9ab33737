ambt medewerker toevoegen --nummer HB-004 --naam "" --werkgever GM9999 --eenheid hb-onbekend --fte 1,5 --van 2025-02-01 --tot 2025-01-01 --db DB
