ambt migreer --van DB
