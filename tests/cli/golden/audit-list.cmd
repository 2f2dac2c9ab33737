ambt audit lijst --soort besluit --aantal 2 --format json --db DB | grep -c "\"uuid\""
