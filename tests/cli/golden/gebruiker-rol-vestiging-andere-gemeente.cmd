ambt gebruiker rol planner.heemstede --rol planner --scope GM0358/amstelveen-raadhuis --db DB
