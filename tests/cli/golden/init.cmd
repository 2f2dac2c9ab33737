ambt nieuw --db nieuw.db && ambt samenwerking lijst --db nieuw.db && ambt gemeente lijst --format csv --db nieuw.db
