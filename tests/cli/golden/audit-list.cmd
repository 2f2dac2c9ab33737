ambt audit list --resource besluit --aantal 2 --format json --db DB | grep -c "\"uuid\""
