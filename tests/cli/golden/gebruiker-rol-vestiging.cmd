ambt gebruiker rol planner.heemstede --rol planner --scope GM0358/aalsmeer-video --db DB && ambt gebruiker list --format csv --db DB
