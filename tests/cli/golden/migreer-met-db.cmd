ambt migreer --van DB --naar elders.db --db DB
