ambt audit list --aantal 4294967297 --db DB
