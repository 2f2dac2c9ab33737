ambt besluit status BESLUIT-2026-0000000001 --status aangehouden --datum 2026-11-01 --toelichting "Nadere vragen" --db DB
