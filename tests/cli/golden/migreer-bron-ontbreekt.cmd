ambt migreer --van nergens.db --naar elders.db
