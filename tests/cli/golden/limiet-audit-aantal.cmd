ambt audit lijst --aantal 4294967297 --db DB
