ambt migreer --van DB --naar tweede.db >/dev/null && ambt migreer --van tweede.db --naar DB
