ambt migreer --van DB --naar DB
