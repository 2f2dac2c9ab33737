ambt gebruiker rol planner.heemstede --rol planner --scope GM0358/aalsmeer-video --db DB && ambt gebruiker lijst --format csv --db DB
