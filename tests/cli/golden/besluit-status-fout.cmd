ambt besluit status 830016 --status aangehouden --datum 2026-11-01 --db DB
