ambt taakveld lijst --jaar 2025 --format csv --db DB
