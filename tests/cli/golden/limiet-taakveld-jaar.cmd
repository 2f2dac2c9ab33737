ambt taakveld list --jaar 4294969320 --db DB
