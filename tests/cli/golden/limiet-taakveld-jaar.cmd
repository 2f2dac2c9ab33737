ambt taakveld lijst --jaar 4294969320 --db DB
