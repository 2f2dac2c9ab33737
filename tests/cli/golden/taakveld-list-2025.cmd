ambt taakveld list --jaar 2025 --format csv --db DB
