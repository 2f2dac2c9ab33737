ambt init --db nieuw.db && ambt samenwerking list --db nieuw.db && ambt gemeente list --format csv --db nieuw.db
